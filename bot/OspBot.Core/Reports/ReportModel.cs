namespace OspBot.Reports;

/// A compiled report, independent of its output format: writers render it, tests read it.
internal sealed record ReportModel(
    string Title,
    string CoverHeading,
    IReadOnlyList<CoverRow> Cover,
    IReadOnlyList<ReportSection> Sections);

/// A row of the cover table; <see cref="Lines"/> are separate lines of the value cell.
internal sealed record CoverRow(string Label, IReadOnlyList<string> Lines);

/// A heading and what follows it. Level 1 is a main heading, level 2 a part (one sub-group).
/// <see cref="NewPage"/> starts the section on a new page (the appendices).
internal sealed record ReportSection(string Heading, int Level, IReadOnlyList<ReportBlock> Blocks, bool NewPage = false);

internal abstract record ReportBlock;

/// A paragraph; <see cref="Number"/> is its number in the continuous sequence through the report, or null if unnumbered.
/// Text may hold line breaks ("\n"), which writers keep.
internal sealed record ReportParagraph(string Text, int? Number) : ReportBlock;

internal sealed record ReportBulletList(IReadOnlyList<ReportBullet> Items) : ReportBlock;

/// A bullet; <see cref="Source"/> names where it came from ("Q1, Q3" or "Economic Development, Q2"), if anywhere.
internal sealed record ReportBullet(string Text, string? Source = null);

/// A table whose first row is a header row repeated on each page.
internal sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;
