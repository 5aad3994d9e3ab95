using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The full text of one update, for the secretariat and the OSP chair.
internal static class UpdateReaderCards
{
    /// The update in full; sections too long for one card are shortened with a "Read section N in full" button.
    /// <paramref name="recipientMri"/>: the reader's Teams id, to refresh the card for them; null for no refresh.
    public static AdaptiveCard Reader(UpdateView update, string? recipientMri = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateViewParts.Fit(update, shortened => new AdaptiveCard
        {
            FallbackText = $"Quarterly update: {update.SubGroupName}, {update.QuarterLabel}.",
            Body =
            [
                .. UpdateViewParts.Header(update, "Quarterly update"),
                .. UpdateViewParts.Sections(update, shortened),
                .. UpdateViewParts.CarryForward(update),
            ],
            Refresh = recipientMri is null ? null : RoundActions.Refresh(RefreshViews.Reader, RoundActions.Ids(update.Key), [recipientMri]),
            MsTeams = TeamsCardOptions.FullWidth,
        });
    }

    /// One section alone (the answer to "Read section N in full"). Text that cannot fit even alone is cut
    /// for display only, with a note saying how much is shown.
    public static AdaptiveCard Section(UpdateView update, UpdateSection section)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(section);
        var pieces = update.Layout.Get(section);
        var total = SectionBlocks.Length(pieces);
        for (var max = total; ; max = max * 3 / 4)
        {
            var card = SectionCard(update, section, pieces, Math.Max(max, 2));
            if (RoundCardSize.Fits(card) || max <= 2)
            {
                return card;
            }
        }
    }

    private static AdaptiveCard SectionCard(UpdateView update, UpdateSection section, IReadOnlyList<TextPiece> pieces, int max)
    {
        var (blocks, shown) = SectionBlocks.Render(pieces, max);
        var total = SectionBlocks.Length(pieces);
        IEnumerable<CardElement> note = shown >= total
            ? []
            : [CardBlocks.Error($"Only the first {CardFormat.Count(shown)} of {CardFormat.Count(total)} characters fit in a Teams card.")];
        return new AdaptiveCard
        {
            FallbackText = $"Section {section.Number} of the quarterly update of {update.SubGroupName}.",
            Body =
            [
                CardBlocks.Heading(CardText.Escape(section.Label)),
                RoundBlocks.Subheading(update.SubGroupName, update.QuarterLabel),
                .. note,
                .. blocks,
            ],
            Actions = [CardActions.Execute("Back to the whole update", RoundVerbs.ReadUpdate, RoundActions.Ids(update.Key))],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }
}
