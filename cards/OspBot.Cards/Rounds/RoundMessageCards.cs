using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The small cards of a round: locked, chaser, refusals and the stale-card notice.
internal static class RoundMessageCards
{
    public const string StaleNotice = "This card was out of date; here is the current version.";

    private const string Secretariat = "the OSP secretariat (Oxford City Council Policy & Partnerships Team)";

    public static AdaptiveCard Locked(LockedUpdateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = RoundActions.Ids(model.Key);
        return new AdaptiveCard
        {
            FallbackText = $"The deadline for the {model.SubGroupName} update has passed.",
            Body =
            [
                CardBlocks.Heading("The deadline has passed"),
                RoundBlocks.Subheading(model.SubGroupName, model.QuarterLabel),
                new TextBlock($"The update was due on {CardFormat.DateTime(model.Deadline)} and can no longer be changed here."),
                new TextBlock($"To change it, ask the OSP secretariat ({CardBlocks.Name(model.SecretariatName)}) to reopen it."),
            ],
            Actions = model.HasText ? [CardActions.Execute("Read the update", RoundVerbs.ReadUpdate, ids)] : null,
            Refresh = RoundActions.Refresh(RefreshViews.Locked, ids, [model.RecipientMri]),
        };
    }

    public static AdaptiveCard Chaser(ChaserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = RoundActions.Ids(model.Key).ToList();
        var where = model.HasDraft ? "Your draft is saved but not yet submitted." : "You have not started it yet.";
        return new AdaptiveCard
        {
            FallbackText = $"Reminder: the {model.SubGroupName} quarterly update is due {CardFormat.DateTime(model.Deadline)}.",
            Body =
            [
                CardBlocks.Heading("Your quarterly update is due"),
                RoundBlocks.Subheading(model.SubGroupName, model.QuarterLabel),
                new FactSet(
                [
                    new Fact("Deadline", CardFormat.DateTime(model.Deadline)),
                    new Fact("Time left", CardFormat.TimeLeft(model.Now, model.Deadline)),
                ]),
                new TextBlock(where),
            ],
            Actions =
            [
                CardActions.Execute("Open my update", RoundVerbs.OpenUpdate, ids, ActionStyle.Positive),
                CardActions.Execute("Remind me tomorrow", RoundVerbs.RemindTomorrow, ids),
            ],
            Refresh = RoundActions.Refresh(RefreshViews.Chaser, ids, [model.RecipientMri]),
        };
    }

    /// For someone who asks for an update but chairs or leads no sub-group.
    public static AdaptiveCard NotALead() => Message(
        "No update for you to write",
        "You are not a chair or lead of a sub-group, so there is no update for you to write. "
            + $"If this is wrong, ask {Secretariat}.");

    /// <paramref name="current"/> with <see cref="StaleNotice"/> on top: the answer to an action from an old card.
    public static AdaptiveCard WithStaleNotice(AdaptiveCard current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with { Body = [CardBlocks.Notice(StaleNotice), .. current.Body] };
    }

    private static AdaptiveCard Message(string heading, string text) => new()
    {
        FallbackText = text,
        Body = [new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium }, new TextBlock(text)],
    };
}
