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
/// <see cref="NewPage"/> starts the section on a new page (the appendices). A <c>Comment</c> here and on any
/// block is a note for the officer, not for Council: a Word comment in the .docx, a footnote in the Markdown.
internal sealed record ReportSection(string Heading, int Level, IReadOnlyList<ReportBlock> Blocks, bool NewPage = false, string? Comment = null);

internal abstract record ReportBlock;

/// A paragraph; <see cref="Number"/> is its number in the continuous sequence through the report, or null if unnumbered.
/// Text may hold line breaks ("\n"), which writers keep. <see cref="KeepWithNext"/> keeps a list's lead-in on
/// the page of the list's first item.
internal sealed record ReportParagraph(string Text, int? Number, string? Comment = null, bool KeepWithNext = false) : ReportBlock;

/// A theme over the list that follows ("Educational Attainment:"), indented by <see cref="Depth"/> for a theme
/// within a theme; always kept with the list.
internal sealed record ReportListHeading(string Text, int Depth, string? Comment = null) : ReportBlock;

internal sealed record ReportBulletList(IReadOnlyList<ReportBullet> Items) : ReportBlock;

internal sealed record ReportBullet(string Text, string? Comment = null);

/// A table whose first row is a header row repeated on each page; <see cref="ColumnPercents"/> share out the
/// width (equal shares when null).
internal sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int>? ColumnPercents = null) : ReportBlock;
