using OspBot.Cards;
using OspBot.Conversations;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// OspBot's turn logic. Thin by design: read the activity, ask a service, build a card, send it.
internal sealed class OspTeamsBot(ConversationStore conversations, AudienceResolver audiences, ILogger<OspTeamsBot> logger,
    Reports.ReportCommandHandler reports)
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
        var command = CommandText.Normalize(turn.Activity.Text);
        if (Reports.ReportCommandHandler.IsCommand(command))
        {
            await reports.HandleAsync(turn, command, ct);
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

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken ct) =>
        Reports.ReportCommandHandler.IsVerb(action?.Verb ?? "") ? reports.HandleActionAsync(action!, turn, ct) : base.OnAdaptiveCardActionAsync(action!, turn, ct);

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
