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
        "Appendix 1: Oxford Strategic Partnership membership – March 2025",
        "Appendix 2: Oxford Safer Communities Partnership member organisations",
    ];

    private static readonly string[] SubGroups = ["Economic Development", "Stronger Communities", "Zero Carbon Oxford Partnership", "Safer Communities"];

    [Fact]
    public void A_full_year_reads_back_as_a_valid_council_report_in_the_2024_shape()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        using var doc = new DocxReader(model);

        Assert.Empty(doc.ValidationErrors());
        Assert.Equal(["The Oxford Strategic Partnership"], doc.Headings(DocxStyles.Title));
        Assert.Equal(MainHeadings, doc.Headings(DocxStyles.Heading1));

        // One part per sub-group under "OSP Sub-Groups" and again under "Activity and achievements".
        var order = doc.Paragraphs().Where(p => p.Style is DocxStyles.Heading1 or DocxStyles.Heading2).Select(p => p.Text).ToList();
        Assert.Equal(SubGroups.Select(s => $"{s} sub-group"), Between(order, "OSP Sub-Groups", "Activity and achievements over last 12 months"));
        Assert.Equal(SubGroups, Between(order, "Activity and achievements over last 12 months", "Other OSP activities"));

        var cover = DocxReader.Rows(doc.Tables()[0]);
        Assert.Equal("Summary and recommendations", Assert.Single(cover[0]));
        Assert.Equal(
            ["To", "Date", "Report of", "Title of Report", "Purpose of report", "Key decision", "Cabinet Member with responsibility",
             "Corporate Priority", "Policy Framework", "Recommendation(s)", "Appendices"],
            cover.Skip(1).Select(r => r[0]));
        Assert.Contains("Appendix 1: Oxford Strategic Partnership membership – March 2025", cover[^1][1], StringComparison.Ordinal);

        var members = DocxReader.Rows(doc.Tables()[1]);
        Assert.Equal(["Name", "Role", "Organisation"], members[0]);
        Assert.Equal(ReportInputs.Membership.Count + 1, members.Count);
        Assert.Equal(["Vacant", "Larger Business Representative", ""], members[5]);
        Assert.NotNull(doc.Tables()[1].Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
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
    public void Seed_text_is_carried_over_cleanly_and_challenges_and_requests_gather_in_the_steering_group_part()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        using var doc = new DocxReader(model);
        var text = doc.AllText();

        Assert.DoesNotContain("\uF0B7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[bookmark:", text, StringComparison.Ordinal);
        var bullets = doc.Paragraphs().Where(p => p.Style == DocxStyles.ListBullet).Select(p => p.Text).ToList();
        Assert.Contains("Making Every Contact Count (MECC) – this has been our task and finish project for the year. A separate update has been appended to this report to give an overview of MECC activity across Oxfordshire which members of the group have contributed to. (Q2)", bullets);
        // The scanned list kept only its first bullet ("e The Leys"); each area is an item of its own again.
        Assert.Contains("The Leys (Q1, Q2)", bullets);
        Assert.Contains("Rose Hill (Q1, Q2)", bullets);
        Assert.Contains(bullets, b => b.Contains("can be accessed via this link:\nhttp://www.healthempowerment.co.uk/wpcontent/uploads/2019/06/BARTON_HNT.pdf. The delivery group", StringComparison.Ordinal));

        var steering = Section(doc, "OSP Steering Group");
        Assert.Contains("Continued support for the Stronger Communities focus on addressing inequalities. (Stronger Communities, Q1, Q2, Q4)", steering);
        Assert.Contains("Funding for the OIEP Manager post beyond March 2025 is not yet confirmed. (Economic Development, Q2, Q3)", steering);
        Assert.DoesNotContain(steering, s => s.StartsWith("There are no particular challenges", StringComparison.Ordinal));
        Assert.DoesNotContain(steering, s => s.StartsWith("None", StringComparison.Ordinal));

        var plans = Section(doc, "Forward Planning");
        Assert.Contains("Recruit county-wide members", plans);
        Assert.DoesNotContain("Appoint consultants for the industrial roadmap", plans);
    }

    [Fact]
    public void Items_reported_in_several_quarters_appear_once_with_every_quarter()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));
        var activity = Section(doc, "Activity and achievements over last 12 months");

        Assert.Single(activity, a => a.StartsWith("Held the second HR Network seminar", StringComparison.Ordinal));
        Assert.Contains("Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS (Q1, Q3)", activity);
        // Near-duplicate wording ("the evaluation plan" / "an evaluation plan") merges and keeps the latest wording.
        Assert.Contains("Local Policy Lab researchers secured to develop the evaluation plan for the OIEP (Q3, Q4)", activity);
        Assert.Contains(activity, a => a.StartsWith("Updates received: Q1 from Lucy Cherry on 8 July 2024 (status Green); Q2", StringComparison.Ordinal));
    }

    internal static List<string> Section(DocxReader doc, string heading) =>
    [
        .. doc.Paragraphs().SkipWhile(p => p.Text != heading).Skip(1)
            .TakeWhile(p => p.Style != DocxStyles.Heading1).Select(p => p.Text),
    ];

    private static IEnumerable<string> Between(List<string> list, string from, string to) =>
        list.SkipWhile(h => h != from).Skip(1).TakeWhile(h => h != to);
}
