using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Teams.Schema;

/// Connector answer to a send, reply or update.
public sealed record ResourceResponse(string? Id);

/// Body of POST v3/conversations.
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }
}

/// Connector answer to POST v3/conversations.
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// A member as Teams returns it from the roster APIs.
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; init; }
    public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
}

/// The connector's error envelope: {"error":{"code","message"}}.
public sealed record ErrorResponse(ErrorBody? Error);

public sealed record ErrorBody(string? Code, string? Message);

/// What an invoke turn answers over HTTP.
public sealed record InvokeResponse(int Status, AdaptiveCardInvokeResponse? Body);

/// The body of an adaptiveCard/action invoke response (Universal Actions).
public sealed record AdaptiveCardInvokeResponse
{
    public int StatusCode { get; init; } = 200;
    public required string Type { get; init; }
    public JsonElement? Value { get; init; }

    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}
