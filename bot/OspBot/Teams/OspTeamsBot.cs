using System.Text.Json;
using OspBot.Cards;
using OspBot.Cards.Rounds;
using OspBot.Conversations;
using OspBot.Rounds;
using OspBot.Teams.DirectoryEditing;
using OspBot.Teams.Meetings;
using OspBot.Teams.Reports;
using OspBot.Teams.Rounds;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// OspBot's turn logic. Thin by design: read the activity, ask a service, build a card, send it.
internal sealed class OspTeamsBot(
    ConversationStore conversations,
    AudienceResolver audiences,
    RoundCommands roundCommands,
    RoundCardActions roundActions,
    ReportCommandHandler reports,
    DirectoryCardHandler directory,
    MeetingCommands meetings,
    ILogger<OspTeamsBot> logger)
    : ActivityHandler
{
    public override async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type is not ActivityTypes.InstallationUpdate || turn.Activity.Action is not ("remove" or "remove-upgrade"))
        {
            await conversations.RecordAsync(ConversationSnapshots.From(turn.Activity), ct);
        }

        await base.OnTurnAsync(turn, ct);
    }

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken ct)
    {
        if (await directory.TryHandleMessageAsync(turn, ct) || await meetings.TryHandleMessageAsync(turn, ct))
        {
            return;
        }

        // An Action.Submit fallback from a client without universal actions: value carries the verb and the inputs.
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value && RoundCardInput.From(value) is { Verb: { Length: > 0 } verb } input)
        {
            var answer = await roundActions.ActAsync(verb, input, turn.Activity, ct);
            var reply = MessageFactory.Card(answer.ToJsonElement(), answer.FallbackText);
            await (turn.Activity.ReplyToId is { Length: > 0 } cardId
                ? turn.UpdateActivityAsync(cardId, reply, ct)
                : turn.SendActivityAsync(reply, ct));
            return;
        }

        var command = CommandText.Normalize(turn.Activity.Text);
        if (ReportCommandHandler.IsCommand(command))
        {
            await reports.HandleAsync(turn, command, ct);
            return;
        }

        if (await roundCommands.TryHandleAsync(turn, command, ct))
        {
            return;
        }

        var audience = await audiences.ForAsync(turn.Activity.From, ct);
        var card = HelpCards.Help(new HelpCardModel
        {
            Audience = audience.Audience,
            SubGroups = audience.SubGroups,
            NotUnderstood = command is "help" or "hi" or "hello" or "" ? null : turn.Activity.Text,
        });
        await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), "What OspBot can do for you"), ct);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(
        AdaptiveCardAction action, TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (ReportCommandHandler.IsVerb(action.Verb))
        {
            return await reports.HandleActionAsync(action, turn, ct);
        }

        if (DirectoryCardHandler.IsVerb(action.Verb))
        {
            return InvokeResponses.Card((await directory.ActAsync(action.Verb, action.Data, turn.Activity, ct)).ToJsonElement());
        }

        if (MeetingCommands.IsVerb(action.Verb))
        {
            return InvokeResponses.Card((await meetings.ActAsync(action.Verb, action.Data, turn, ct)).ToJsonElement());
        }

        if (!RoundVerbs.All.Contains(action.Verb))
        {
            return await base.OnAdaptiveCardActionAsync(action, turn, ct);
        }

        var card = await roundActions.ActAsync(action.Verb, RoundCardInput.From(action.Data), turn.Activity, ct);
        return InvokeResponses.Card(card.ToJsonElement());
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

        var audience = activity.Conversation?.ConversationType == "personal"
            ? await audiences.ForAsync(activity.From, ct)
            : new WelcomeCardModel { Audience = CardAudience.Member };
        await turn.SendActivityAsync(MessageFactory.Card(WelcomeCards.Welcome(audience).ToJsonElement(), "Welcome to OspBot"), ct);
    }

    protected override Task OnBotRemovedAsync(TurnContext turn, CancellationToken ct)
    {
        Log.Removed(logger, turn.Activity.Conversation?.Id);
        return conversations.MarkRemovedAsync(turn.ConversationId, ct);
    }
}
