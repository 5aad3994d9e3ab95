namespace OspBot.Cards.Rounds;

/// One paragraph or list item of a section as the read-only cards show it. The bot reads the structure from the
/// stored text (PDF line breaks reflowed into paragraphs, glyph and OCR bullets made list items); the card only
/// lays the pieces out. <paramref name="AfterBlankLine"/>: the writer left a blank line before it.
internal sealed record TextPiece(string Text, bool IsListItem, bool AfterBlankLine);

/// The four sections of an update as paragraphs and list items; a section not written is empty.
internal sealed record UpdateLayout
{
    public IReadOnlyList<TextPiece> Achievements { get; init; } = [];
    public IReadOnlyList<TextPiece> Plans { get; init; } = [];
    public IReadOnlyList<TextPiece> Challenges { get; init; } = [];
    public IReadOnlyList<TextPiece> Requests { get; init; } = [];

    public IReadOnlyList<TextPiece> Get(UpdateSection section) => UpdateText.Of(section, Achievements, Plans, Challenges, Requests);
}
