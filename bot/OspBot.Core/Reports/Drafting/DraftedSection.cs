namespace OspBot.Reports.Drafting;

/// One section's text for the year as the report gives it, with where each piece came from.
internal sealed record DraftedItem(string Text, Provenance Source);

/// A paragraph of the lead's prose and, when it is a lead-in, the list it introduces.
internal sealed record DraftedParagraph(DraftedItem Paragraph, IReadOnlyList<DraftedItem> Items);

/// A list under the lead's theme; <see cref="Path"/> from the outermost theme in.
internal sealed record DraftedTheme(IReadOnlyList<string> Path, Provenance Source, IReadOnlyList<DraftedItem> Items);

/// A sub-group's year of one section, each piece once: prose paragraphs (lead-ins with their lists) in the order
/// they were first written, then the items with no theme, then the themed lists.
internal sealed record DraftedSection(IReadOnlyList<DraftedParagraph> Paragraphs, IReadOnlyList<DraftedItem> Items, IReadOnlyList<DraftedTheme> Themes)
{
    public static readonly DraftedSection Empty = new([], [], []);

    public bool IsEmpty => Paragraphs.Count == 0 && Items.Count == 0 && Themes.Count == 0;

    /// Themed or not, the items a "… included:" list holds.
    public bool HasList => Items.Count > 0 || Themes.Count > 0;

    /// Every piece of text, paragraphs, items and theme titles, in report order (for checks and counts).
    public IEnumerable<string> AllText() =>
        Paragraphs.SelectMany(p => p.Items.Select(i => i.Text).Prepend(p.Paragraph.Text))
            .Concat(Items.Select(i => i.Text))
            .Concat(Themes.SelectMany(t => t.Items.Select(i => i.Text).Prepend(t.Path[^1])));
}
