using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// A flag raised by the round's updates for the steering group (another feature's: the escalations).
internal sealed record StatusFlagRow(string Key, string GroupName, string Summary, bool OnAgenda);

/// How much of the flags the status card has room for.
internal enum FlagLayout
{
    /// Each flag with its two decisions.
    Full,

    /// Each flag without buttons; one button to the escalations card.
    Listed,

    /// Only how many; one button to the escalations card.
    Counted,
}

/// What a decision pressed on the status card came to: "Put on the steering group's agenda." or why not.
internal sealed record FlagNotice(string Text, bool IsError);

/// The "Needs the steering group's attention" section of the secretariat's status card and digest. What the leads
/// wrote is escaped and cut short: the escalations card has the flag in full.
internal static class StatusFlagBlocks
{
    public const string Heading = "Needs the steering group's attention";

    public const int MaxSummaryChars = 400;

    /// Each open flag with its two decisions (Full), or listed with one button to the escalations card (Listed), or
    /// only counted (Counted), as much as the card has room for; a flag on the agenda says so and has no buttons.
    public static IEnumerable<CardElement> Status(string roundId, IReadOnlyList<StatusFlagRow> flags, FlagNotice? notice, FlagLayout layout) =>
        Section(roundId, RefreshViews.Status, flags, notice, layout);

    /// The digest lists the flags as text (Listed, or Counted when the digest is full); one button brings the
    /// escalations card to decide on them.
    public static IEnumerable<CardElement> Digest(string roundId, IReadOnlyList<StatusFlagRow> flags, FlagLayout layout) =>
        Section(roundId, RefreshViews.Digest, flags, null, layout);

    private static IEnumerable<CardElement> Section(string roundId, string view, IReadOnlyList<StatusFlagRow> flags, FlagNotice? notice, FlagLayout layout)
    {
        if (flags.Count == 0 && notice is null)
        {
            yield break;
        }
        yield return CardBlocks.Bold(Heading, Spacing.Large);
        if (notice is not null)
        {
            yield return CardBlocks.Notice(CardText.Escape(notice.Text), notice.IsError ? ContainerStyle.Attention : ContainerStyle.Good);
        }
        if (layout == FlagLayout.Counted)
        {
            var tabled = flags.Count(f => f.OnAgenda);
            yield return new TextBlock($"{Flags(flags.Count)} raised by this round's updates, {tabled} of them on the steering group's agenda.");
        }
        foreach (var flag in layout == FlagLayout.Counted ? Array.Empty<StatusFlagRow>() : flags)
        {
            List<CardElement> items = [.. Describe(flag)];
            if (!flag.OnAgenda && layout == FlagLayout.Full)
            {
                items.Add(FlagButtons.AgendaOrDismiss(flag.Key, [new(CrossFeatureVerbs.FlagKey, flag.Key), new(RoundData.RoundId, roundId)]));
            }
            yield return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
        }
        if (layout != FlagLayout.Full && flags.Any(f => !f.OnAgenda))
        {
            // The escalations card comes below; the pressed card (named by its refresh view) stays, refreshed.
            yield return new ActionSet([CardActions.Execute("Decide on the flags", CrossFeatureVerbs.ShowFlags, [new(RoundData.RoundId, roundId), new(RoundData.View, view)])]);
        }
    }

    private static IEnumerable<CardElement> Describe(StatusFlagRow flag)
    {
        yield return new TextBlock(CardBlocks.Name(flag.GroupName)) { Weight = TextWeight.Bolder };
        yield return new TextBlock(CardText.Quote(flag.Summary, MaxSummaryChars)) { Spacing = Spacing.Small };
        if (flag.OnAgenda)
        {
            yield return CardBlocks.Subtle("On the steering group's agenda.");
        }
    }

    private static string Flags(int count) => count == 1 ? "1 flag" : $"{count} flags";
}
