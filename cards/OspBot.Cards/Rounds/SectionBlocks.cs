using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// A section's paragraphs and list items as TextBlocks: a paragraph after a blank line gets a paragraph's gap, a
/// list item is one "•" line, and lines the writer kept apart without a blank line stay close together.
internal static class SectionBlocks
{
    /// The pieces up to about <paramref name="maxChars"/> characters (all of them when null); the piece that
    /// crosses the limit is cut. Returns how many characters were shown.
    public static (IReadOnlyList<CardElement> Blocks, int Shown) Render(IReadOnlyList<TextPiece> pieces, int? maxChars)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var blocks = new List<CardElement>(pieces.Count);
        var shown = 0;
        foreach (var piece in pieces)
        {
            var text = piece.Text;
            if (maxChars is { } max && shown + text.Length > max)
            {
                var room = max - shown;
                if (room < 2 || blocks.Count > 0 && room < 40)
                {
                    break;
                }
                text = CardText.Truncate(text, room);
            }
            blocks.Add(Block(piece, text, first: blocks.Count == 0));
            shown += text.Length;
        }
        return (blocks, shown);
    }

    /// Characters in all the pieces, as Render counts them.
    public static int Length(IReadOnlyList<TextPiece> pieces) => pieces.Sum(p => p.Text.Length);

    private static TextBlock Block(TextPiece piece, string text, bool first)
    {
        var spacing = first ? Spacing.Small : !piece.AfterBlankLine ? Spacing.None : piece.IsListItem ? Spacing.Small : Spacing.Medium;
        // The bullet is a character, not markdown: the text itself is shown literally (CardText.Escape).
        var shown = piece.IsListItem ? "•\u00A0" + CardText.Escape(text) : CardText.Escape(text);
        return new TextBlock(shown) { Spacing = spacing };
    }
}
