using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// What a chair or lead sees once the update is submitted, and what an approver sees while it awaits approval.
internal static class UpdateSummaryCards
{
    public static AdaptiveCard Summary(UpdateSummaryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var u = model.Update;
        var awaiting = u.State == UpdateState.AwaitingApproval;
        var heading = awaiting ? "Quarterly update awaiting approval" : "Quarterly update";
        return UpdateViewParts.Fit(u, shortened => new AdaptiveCard
        {
            FallbackText = $"{heading}: {model.Update.SubGroupName}, {model.Update.QuarterLabel}.",
            Body =
            [
                .. Notice(model.Notice),
                .. UpdateViewParts.Header(u, heading),
                .. UpdateViewParts.Sections(u, shortened),
                .. UpdateViewParts.CarryForward(u),
            ],
            Actions = Actions(model),
            Refresh = RoundActions.Refresh(RefreshViews.Summary, RoundActions.Ids(u.Key), [model.RecipientMri]),
            MsTeams = TeamsCardOptions.FullWidth,
        });
    }

    private static List<CardAction>? Actions(UpdateSummaryModel model)
    {
        var ids = RoundActions.Ids(model.Update.Key).ToList();
        List<CardAction> actions = [];
        if (model.ViewerCanApprove && model.Update.State == UpdateState.AwaitingApproval)
        {
            actions.Add(CardActions.Execute("Approve", RoundVerbs.Approve, ids, ActionStyle.Positive));
        }

        if (model.CanEdit)
        {
            actions.Add(CardActions.Execute("Edit", RoundVerbs.Edit, ids));
        }

        return actions.Count == 0 ? null : actions;
    }

    private static IEnumerable<CardElement> Notice(string? notice) =>
        string.IsNullOrWhiteSpace(notice) ? [] : [CardBlocks.Notice(CardText.Escape(notice))];
}
