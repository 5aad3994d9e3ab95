using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Pieces the round cards share (those every card uses: CardBlocks).
internal static class RoundBlocks
{
    /// "Stronger Communities · Q3 2025/26"
    public static TextBlock Subheading(string subGroup, string quarterLabel) =>
        new($"{CardBlocks.Name(subGroup)} · {CardBlocks.Name(quarterLabel)}") { IsSubtle = true, Spacing = Spacing.None };

    /// "● Amber — reason", coloured.
    public static TextBlock RagLine(Rag rag, string? reason)
    {
        var text = $"● {RoundFormat.Label(rag)}";
        if (!string.IsNullOrWhiteSpace(reason))
        {
            text += $" — {CardText.Quote(reason, UpdateEditCards.MaxRagReasonChars)}";
        }

        return new TextBlock(text) { Color = RoundFormat.Colour(rag), Weight = TextWeight.Bolder };
    }

    /// "Last saved by Ada Lovelace on Monday 26 October 2026, 9:00"
    public static TextBlock StampLine(string what, Stamp stamp) =>
        CardBlocks.Subtle($"{what} by {CardBlocks.Name(stamp.By)} on {CardFormat.DateTime(stamp.At)}");
}
