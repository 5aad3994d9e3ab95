using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// A sub-group's part of the annual report as its chair sees and edits it: five sections of plain text, one line
/// a paragraph, "- " a bullet, a line ending in ":" between lists a theme. Drafted with the council report's own
/// drafting (SubGroupYear), so what the chair approves is what the report would have said.
internal sealed record PartSections(string Summary, string Delivery, string Challenges, string Requests, string Priorities)
{
    public const int MaxSectionLength = 20_000;

    public static PartSections Draft(SubGroupYear year, string yearLabel)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new PartSections(
            year.Summary.Text,
            Lines(year.Achievements, $"Delivery in {yearLabel} included:", $"Delivery in {yearLabel} also included:"),
            Bulleted(year.Challenges),
            Bulleted(year.Requests),
            Lines(year.Plans, "The sub-group's priorities for the year ahead include:", "Its priorities for the year ahead also include:"));
    }

    public static PartSections Of(ReportPartVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Summary, v.Delivery, v.Challenges, v.Requests, v.Priorities);
    }

    public void CopyTo(ReportPartVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        (v.Summary, v.Delivery, v.Challenges, v.Requests, v.Priorities) = (Summary, Delivery, Challenges, Requests, Priorities);
    }

    /// The sections as (title, text), in the order the card and the report show them.
    public IReadOnlyList<(string Key, string Title, string Text)> Named() =>
    [
        ("summary", "The year", Summary),
        ("delivery", "Delivery", Delivery),
        ("challenges", "Challenges", Challenges),
        ("requests", "Requests for OSP support", Requests),
        ("priorities", "Priorities for the year ahead", Priorities),
    ];

    /// The text of <paramref name="section"/> as report blocks: bullets, themes over lists, numbered paragraphs.
    public static void Write(ReportBuilder b, string section)
    {
        ArgumentNullException.ThrowIfNull(b);
        var previous = "";
        List<ReportBullet> bullets = [];
        foreach (var line in (section ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (IsBullet(line))
            {
                bullets.Add(new ReportBullet(line[2..].Trim()));
                previous = line;
                continue;
            }
            b.Bullets(bullets);
            bullets = [];
            if (line.EndsWith(':') && (previous.EndsWith(':') || IsBullet(previous)))
            {
                b.ListHeading(line, 0, null);
            }
            else
            {
                b.Numbered(line, keepWithNext: line.EndsWith(':'));
            }
            previous = line;
        }
        b.Bullets(bullets);
    }

    private static bool IsBullet(string line) => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal);

    private static string Bulleted(IEnumerable<DraftedItem> items) => string.Join('\n', items.Select(i => "- " + OneLine(i.Text)));

    private static string Lines(DraftedSection section, string leadIn, string leadInAfterProse)
    {
        List<string> lines = [];
        foreach (var p in section.Paragraphs)
        {
            lines.Add(OneLine(p.Paragraph.Text));
            lines.AddRange(p.Items.Select(i => "- " + OneLine(i.Text)));
        }
        if (section.HasList)
        {
            lines.Add(section.Paragraphs.Count > 0 ? leadInAfterProse : leadIn);
            lines.AddRange(section.Items.Select(i => "- " + OneLine(i.Text)));
            foreach (var theme in section.Themes)
            {
                lines.Add($"{string.Join(" – ", theme.Path)}:");
                lines.AddRange(theme.Items.Select(i => "- " + OneLine(i.Text)));
            }
        }
        return string.Join('\n', lines);
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}

/// A sub-group's part as signed off so far: the text to use (when approved or edited) and the officer's note on it
/// ("Approved by … on …" or "Not yet approved").
internal sealed record SignedPart(PartSections Sections, string Note, bool Approved, bool Edited)
{
    /// Whether the report prints this text instead of drafting the part afresh.
    public bool UseText => Approved || Edited;
}
