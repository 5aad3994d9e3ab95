using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Pieces the round cards share (those every card uses: CardBlocks).
internal static class RoundBlocks
{
    /// "Stronger Communities · Q3 2025/26"
    public static TextBlock Subheading(string subGroup, string quarterLabel) =>
        new($"{CardBlocks.Name(subGroup)} · {CardBlocks.Name(quarterLabel)}") { IsSubtle = true, Spacing = Spacing.None };

    /// "RAG status: Amber — reason" in a box tinted green, amber or red. The word carries the meaning and the text
    /// keeps the card's default colour on the light tint, so it reads in every theme (no yellow text on white).
    public static Container RagLine(Rag rag, string? reason)
    {
        var text = $"RAG status: {RoundFormat.Label(rag)}";
        if (!string.IsNullOrWhiteSpace(reason))
        {
            text += $" — {CardText.Quote(reason, UpdateEditCards.MaxRagReasonChars)}";
        }

        return new Container { Style = RoundFormat.Tint(rag), Items = [new TextBlock(text) { Weight = TextWeight.Bolder }] };
    }

    /// The RAG word alone in its tint, for rows of sub-groups.
    public static Container RagBadge(Rag rag) =>
        new() { Style = RoundFormat.Tint(rag), Items = [new TextBlock(RoundFormat.Label(rag)) { Weight = TextWeight.Bolder, Wrap = false }] };

    /// "Last saved by Ada Lovelace on Monday 26 October 2026, 9:00"
    public static TextBlock StampLine(string what, Stamp stamp) =>
        CardBlocks.Subtle($"{what} by {CardBlocks.Name(stamp.By)} on {CardFormat.DateTime(stamp.At)}");
}
