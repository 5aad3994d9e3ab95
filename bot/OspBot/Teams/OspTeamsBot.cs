using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Conversations;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// OspBot's turn logic: it knows the Bot Framework and the command table, and nothing of the features. A typed
/// message, an Action.Execute press or an Action.Submit fallback is looked up in the table, the caller resolved
/// once with all their roles, and CommandRunner checks the roles and runs the handler; the reply goes back as
/// messages, or as the card that replaces the pressed one.
internal sealed class OspTeamsBot(
    ConversationStore conversations,
    CommandTable commands,
    CommandRunner runner,
    ICallerDirectory callers,
    HelpCommand help,
    UnmatchedUserEmails emails,
    ILogger<OspTeamsBot> logger)
    : ActivityHandler
{
    public override async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var removing = turn.Activity.Type is ActivityTypes.InstallationUpdate && turn.Activity.Action is "remove" or "remove-upgrade";
        if (!removing)
        {
            await conversations.RecordAsync(ConversationSnapshots.From(turn.Activity), ct);
        }

        await base.OnTurnAsync(turn, ct);
        if (!removing)
        {
            // After the reply, so asking Teams for an unmatched user's e-mail never holds up the turn.
            emails.Notice(turn.Activity);
        }
    }

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken ct)
    {
        // An Action.Submit fallback from a client without universal actions: the value carries the verb and the inputs.
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value && commands.Verb(Verb(value)) is { } button)
        {
            var answer = await RunAsync(turn, button, ct, data: value);
            await ReplaceOrSendAsync(turn, answer.Cards, ct);
            return;
        }

        var text = CommandText.Normalize(turn.Activity.Text);
        var reply = commands.MatchText(text) is var (command, argument)
            ? await RunAsync(turn, command, ct, argument: argument)
            : await RunAsync(turn, commands.Help, ct, unmatched: text.Length == 0 ? null : turn.Activity.Text);
        foreach (var card in reply.Cards)
        {
            await SendAsync(turn, card, ct);
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(
        AdaptiveCardAction action, TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (commands.Verb(action.Verb) is not { } button)
        {
            return await base.OnAdaptiveCardActionAsync(action, turn, ct);
        }

        var reply = await RunAsync(turn, button, ct, data: action.Data);
        if (reply.BadRequest is { } problem || reply.Cards.Count == 0)
        {
            return InvokeResponses.Error(400, "BadRequest", reply.BadRequest ?? "This card action has no answer.");
        }
        foreach (var more in reply.Cards.Skip(1))
        {
            await SendAsync(turn, more, ct);
        }
        return InvokeResponses.Card(reply.Cards[0].ToJsonElement());
    }

    protected override async Task OnBotAddedAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        Log.Installed(logger, activity.Conversation?.ConversationType, activity.Conversation?.Id);

        // Teams sends both installationUpdate(add) and conversationUpdate(membersAdded) on install; greet once.
        if (activity.Type != ActivityTypes.ConversationUpdate)
        {
            return;
        }

        var caller = activity.Conversation?.ConversationType == "personal" ? await CallerAsync(turn, ct) : null;
        await turn.SendActivityAsync(MessageFactory.Card(help.Welcome(caller).ToJsonElement(), "Welcome to OspBot"), ct);
    }

    protected override Task OnBotRemovedAsync(TurnContext turn, CancellationToken ct)
    {
        Log.Removed(logger, turn.Activity.Conversation?.Id);
        return conversations.MarkRemovedAsync(turn.ConversationId, ct);
    }

    private async Task<BotReply> RunAsync(
        TurnContext turn, BotCommand command, CancellationToken ct,
        string argument = "", string? unmatched = null, JsonElement? data = null) =>
        await runner.RunAsync(new CommandRequest
        {
            Caller = await CallerAsync(turn, ct),
            Command = command,
            Argument = argument,
            Unmatched = unmatched,
            Data = data,
            PressedActivityId = turn.Activity.ReplyToId,
            ServiceUrl = turn.ServiceUrl,
            ConversationId = turn.ConversationId,
            SendAsync = async (card, t) => await SendAsync(turn, card, t),
        }, ct);

    private Task<CommandCaller> CallerAsync(TurnContext turn, CancellationToken ct) =>
        callers.FindAsync(turn.Activity.From?.AadObjectId, turn.Activity.From?.Id, turn.Activity.From?.Name, ct);

    /// The first card replaces the card whose button was pressed (when Teams says which), the rest follow it.
    private static async Task ReplaceOrSendAsync(TurnContext turn, IReadOnlyList<AdaptiveCard> cards, CancellationToken ct)
    {
        for (var i = 0; i < cards.Count; i++)
        {
            if (i == 0 && turn.Activity.ReplyToId is { Length: > 0 } cardId)
            {
                await turn.UpdateActivityAsync(cardId, MessageFactory.Card(cards[0].ToJsonElement(), cards[0].FallbackText), ct);
            }
            else
            {
                await SendAsync(turn, cards[i], ct);
            }
        }
    }

    private static async Task<string?> SendAsync(TurnContext turn, AdaptiveCard card, CancellationToken ct) =>
        (await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct)).Id;

    private static string? Verb(JsonElement value) =>
        value.TryGetProperty(CardActions.Verb, out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : null;
}
