using DocumentFormat.OpenXml.Wordprocessing;
using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class AnnualReportDocxTests
{
    private static readonly string[] MainHeadings =
    [
        "Introduction and background", "OSP Vision", "OSP Aims", "OSP Steering Group", "OSP Sub-Groups",
        "Activity and achievements over last 12 months", "Other OSP activities", "Forward Planning", "Financial implications",
        "Legal issues", "Level of risk", "Equalities impact", "Conclusion",
        "Appendix 1: Oxford Strategic Partnership membership – June 2025",
        "Appendix 2: Oxford Safer Communities Partnership member organisations",
    ];

    internal static readonly string[] SubGroups = ["Economic Development", "Stronger Communities", "Zero Carbon Oxford Partnership", "Safer Communities"];

    [Fact]
    public void A_full_year_reads_back_as_a_valid_council_report_in_the_2024_shape()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        using var doc = new DocxReader(model);

        Assert.Empty(doc.ValidationErrors());
        Assert.Equal(["The Oxford Strategic Partnership"], doc.Headings(DocxStyles.Title));
        Assert.Equal(MainHeadings, doc.Headings(DocxStyles.Heading1));

        // One part per sub-group under "OSP Sub-Groups" and again under "Activity and achievements", in the partnership's order.
        var order = doc.Paragraphs().Where(p => p.Style is DocxStyles.Heading1 or DocxStyles.Heading2).Select(p => p.Text).ToList();
        Assert.Equal(SubGroups.Select(s => $"{s} sub-group"), Between(order, "OSP Sub-Groups", "Activity and achievements over last 12 months"));
        Assert.Equal(SubGroups, Between(order, "Activity and achievements over last 12 months", "Other OSP activities"));

        var cover = DocxReader.Rows(doc.Tables()[0]);
        Assert.Equal("Summary and recommendations", Assert.Single(cover[0]));
        Assert.Equal(
            ["To", "Date", "Report of", "Title of Report", "Purpose of report", "Key decision", "Cabinet Member with responsibility",
             "Corporate Priority", "Policy Framework", "Recommendation(s)", "Appendices"],
            cover.Skip(1).Select(r => r[0]));
        Assert.Equal("14 July 2025", cover[2][1]);
        Assert.Equal("Councillor Susan Brown, Leader of the Council and Cabinet Member for Partnership Working", cover[7][1]);
        Assert.Contains("Appendix 1: Oxford Strategic Partnership membership – June 2025", cover[^1][1], StringComparison.Ordinal);

        var members = DocxReader.Rows(doc.Tables()[1]);
        Assert.Equal(["Name", "Role and organisation"], members[0]);
        Assert.Equal(ReportInputs.Membership.Count + 1, members.Count);
        Assert.Equal(["Paul James (Chair)", "Chief Executive, River Learning Trust"], members[1]);
        Assert.Equal(["Vacant", "Larger Business Representative"], members[5]);
        Assert.All(members.Skip(1), m => Assert.NotEmpty(m[1]));
        Assert.NotNull(doc.Tables()[1].Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());

        Assert.Contains("Oxford City Council funds and hosts the OSP, with an assigned budget of £8,320 for 2024/25.",
            Section(doc, "Financial implications")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_paragraphs_share_one_decimal_list_so_numbers_run_on_across_headings()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        using var doc = new DocxReader(model);

        var numbered = doc.Paragraphs().Where(p => p.Style == DocxStyles.NumberedParagraph).ToList();
        Assert.True(numbered.Count > 30, $"only {numbered.Count} numbered paragraphs");
        Assert.All(numbered, p => Assert.Equal((1, 0), (p.NumId, p.Level)));
        var expected = model.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Where(p => p.Number is not null).ToList();
        Assert.Equal(Enumerable.Range(1, expected.Count), expected.Select(p => p.Number!.Value));
        Assert.Equal(expected.Select(p => p.Text), numbered.Select(p => p.Text));

        // Numbers continue from one heading to the next: every main section's paragraphs are in the same list.
        var paragraphs = doc.Paragraphs();
        var sectionsWithNumbers = paragraphs.Where(p => p.Style == DocxStyles.Heading1)
            .Count(h => paragraphs.SkipWhile(p => p != h).Skip(1).TakeWhile(p => p.Style != DocxStyles.Heading1).Any(p => p.NumId == 1));
        Assert.Equal(13, sectionsWithNumbers);

        var numbering = doc.Document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering;
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == 1);
        var level = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value).Elements<Level>().Single();
        Assert.Equal(NumberFormatValues.Decimal, level.NumberingFormat!.Val!.Value);
        Assert.Equal("%1.", level.LevelText!.Val!.Value);
        var bullets = doc.Paragraphs().Where(p => p.Style == DocxStyles.ListBullet).ToList();
        Assert.NotEmpty(bullets);
        Assert.All(bullets, p => Assert.Equal(2, p.NumId));
    }

    [Fact]
    public void Every_lead_in_and_theme_is_kept_with_the_list_it_introduces()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));
        var body = doc.Body.Elements<Paragraph>().ToList();

        var leadIns = body.Where((p, i) => i + 1 < body.Count && DocxReader.Read(body[i + 1]).Style == DocxStyles.ListBullet
            && DocxReader.Read(p).Style is DocxStyles.NumberedParagraph or DocxStyles.ListHeading).ToList();
        Assert.True(leadIns.Count > 10, $"only {leadIns.Count} lead-ins");
        Assert.All(leadIns, p => Assert.True(KeepsWithNext(p, doc), DocxReader.Text(p)));
        Assert.Contains(body, p => DocxReader.Read(p) is { Style: DocxStyles.ListHeading, Text: "Inclusive Employment:" });
    }

    [Fact]
    public void Items_reported_in_several_quarters_appear_once_without_quarter_tags()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));
        var activity = Section(doc, "Activity and achievements over last 12 months");

        Assert.Single(activity, a => a.StartsWith("Held the second HR Network seminar", StringComparison.Ordinal));
        Assert.Contains("Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS", activity);
        // Near-duplicate wording ("the evaluation plan" / "an evaluation plan") merges and keeps the latest wording.
        Assert.Contains("Local Policy Lab researchers secured to develop the evaluation plan for the OIEP", activity);
        Assert.DoesNotContain("Local Policy Lab researchers secured to develop an evaluation plan for the OIEP", activity);
        Assert.Contains("The Economic Development sub-group reported in all four quarters; its status was green, amber in Q3 because "
            + "funding for the OIEP Manager post beyond March 2025 is not yet confirmed.", activity);
        Assert.DoesNotContain(activity, a => a.Contains("Updates received", StringComparison.Ordinal));
    }

    internal static bool KeepsWithNext(Paragraph p, DocxReader doc)
    {
        var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var own = p.ParagraphProperties?.KeepNext is not null;
        var styled = doc.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>()
            .FirstOrDefault(s => s.StyleId == style)?.StyleParagraphProperties?.KeepNext is not null;
        return own || styled;
    }

    internal static List<string> Section(DocxReader doc, string heading) =>
    [
        .. doc.Paragraphs().SkipWhile(p => p.Text != heading).Skip(1)
            .TakeWhile(p => p.Style != DocxStyles.Heading1).Select(p => p.Text),
    ];

    private static IEnumerable<string> Between(List<string> list, string from, string to) =>
        list.SkipWhile(h => h != from).Skip(1).TakeWhile(h => h != to);
}
