using System.Text.Json;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// Dispatches a turn by activity type, invoke name and Teams event, as Bot Builder's (Teams)ActivityHandler
/// does. Derived bots override only what they handle; everything else is accepted and ignored (spec 1.3).
public abstract class ActivityHandler : IBot
{
    public virtual Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turn, ct),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turn, ct),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turn, ct),
            ActivityTypes.Invoke => OnInvokeActivityDispatchAsync(turn, ct),
            _ => OnUnhandledActivityTypeAsync(turn, ct),
        };
    }

    protected virtual Task OnMessageActivityAsync(TurnContext turn, CancellationToken ct) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            return OnBotAddedAsync(turn, ct);
        }

        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            return OnBotRemovedAsync(turn, ct);
        }

        var joiners = activity.MembersAdded?.Where(m => m.Id != botId).ToList() ?? [];
        return joiners.Count > 0 ? OnMembersAddedAsync(joiners, turn, ct) : Task.CompletedTask;
    }

    protected virtual Task OnInstallationUpdateActivityAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.Action switch
        {
            "add" or "add-upgrade" => OnBotAddedAsync(turn, ct),
            "remove" or "remove-upgrade" => OnBotRemovedAsync(turn, ct),
            _ => Task.CompletedTask,
        };
    }

    /// The bot was installed: for a user (personal), into a team, or into a chat.
    protected virtual Task OnBotAddedAsync(TurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// The bot was removed; later sends to this conversation fail with 403.
    protected virtual Task OnBotRemovedAsync(TurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// People (not the bot) joined a conversation the bot is in.
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, TurnContext turn, CancellationToken ct) =>
        Task.CompletedTask;

    protected virtual Task OnUnhandledActivityTypeAsync(TurnContext turn, CancellationToken ct) => Task.CompletedTask;

    private async Task OnInvokeActivityDispatchAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Activity.Name == "adaptiveCard/action")
        {
            turn.InvokeResponse = ReadAdaptiveCardAction(turn.Activity) is { } action
                ? new InvokeResponse(200, await OnAdaptiveCardActionAsync(action, turn, ct))
                : new InvokeResponse(400, InvokeResponses.Error(400, "BadRequest", "The invoke value is not an Action.Execute."));
            return;
        }

        turn.InvokeResponse = await OnInvokeActivityAsync(turn, ct);
    }

    /// An Action.Execute (Universal Actions) press or automatic refresh. The returned card replaces the
    /// card for the user who pressed it.
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(
        AdaptiveCardAction action, TurnContext turn, CancellationToken ct) =>
        Task.FromResult(InvokeResponses.Error(501, "NotImplemented", "This card action is not supported."));

    /// Other invokes; null means not implemented (HTTP 501, as the SDK answers).
    protected virtual Task<InvokeResponse?> OnInvokeActivityAsync(TurnContext turn, CancellationToken ct) =>
        Task.FromResult<InvokeResponse?>(null);

    private static AdaptiveCardAction? ReadAdaptiveCardAction(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String
            || type.GetString() != "Action.Execute")
        {
            return null;
        }

        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        var trigger = value.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new AdaptiveCardAction(verb ?? "", data, trigger == "automatic");
    }
}

/// An Action.Execute as the bot receives it: its verb, its data merged with the card's inputs, and whether
/// Teams sent it as an automatic refresh rather than a press.
public sealed record AdaptiveCardAction(string Verb, JsonElement? Data, bool IsRefresh);
