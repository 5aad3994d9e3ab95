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
        var text = update.Text.Get(section) ?? string.Empty;
        for (var shown = text.Length; ; shown = shown * 3 / 4)
        {
            var card = SectionCard(update, section, text, Math.Max(shown, 2));
            if (RoundCardSize.Fits(card) || shown <= 2)
            {
                return card;
            }
        }
    }

    private static AdaptiveCard SectionCard(UpdateView update, UpdateSection section, string text, int shown)
    {
        IEnumerable<CardElement> note = shown >= text.Length
            ? []
            : [CardBlocks.Error($"Only the first {CardFormat.Count(shown - 1)} of {CardFormat.Count(text.Length)} characters fit in a Teams card.")];
        return new AdaptiveCard
        {
            FallbackText = $"Section {section.Number} of the quarterly update of {update.SubGroupName}.",
            Body =
            [
                CardBlocks.Heading(CardText.Escape(section.Label)),
                RoundBlocks.Subheading(update.SubGroupName, update.QuarterLabel),
                .. note,
                new TextBlock(CardBlocks.Multiline(CardText.Truncate(text, Math.Max(shown, 2)))),
            ],
            Actions = [CardActions.Execute("Back to the whole update", RoundVerbs.ReadUpdate, RoundActions.Ids(update.Key))],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }
}
