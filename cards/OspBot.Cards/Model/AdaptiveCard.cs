using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Cards.Model;

/// An Adaptive Card 1.5 (the highest version Teams renders on all clients). Serialize it with
/// <see cref="ToJsonElement"/> and put the result in an attachment's content.
internal sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string CurrentVersion = "1.5";

    // Not a discriminator: the card is never serialized through a base type.
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaUrl;

    public string? Version { get; init; } = CurrentVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public Refresh? Refresh { get; init; }

    /// Shown by clients that cannot render the card.
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardOptions? MsTeams { get; init; }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJson.Default.AdaptiveCard);

    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Default.AdaptiveCard);
}

/// Teams-only card properties; unknown to the Adaptive Card schema itself.
internal sealed record TeamsCardOptions
{
    public static TeamsCardOptions FullWidth { get; } = new() { Width = "Full" };

    public string? Width { get; init; }
}

/// Lets a card update itself per user through an Action.Execute invoke (universal action model).
internal sealed record Refresh
{
    /// Teams refreshes automatically for at most this many listed users.
    public const int MaxUserIds = 60;

    // Typed as the base so the "type" discriminator is written; Refresh.For only accepts Action.Execute.
    public required CardAction Action { get; init; }

    /// Empty: manual refresh only. Null: automatic for everyone in chats of at most 60 members.
    public IReadOnlyList<string>? UserIds { get; init; }

    public static Refresh For(ExecuteAction action, IReadOnlyList<string>? userIds = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (userIds is { Count: > MaxUserIds })
        {
            throw new ArgumentException($"Teams auto-refreshes for at most {MaxUserIds} users.", nameof(userIds));
        }

        return new Refresh { Action = action, UserIds = userIds };
    }
}
