using System.Text.RegularExpressions;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

/// A year (four sub-groups, Stronger Communities silent for Q3 and Q4, Zero Carbon's lead writing and its chair
/// approving) compiled and read back with the Open XML SDK, checked for what Council must not see and what the
/// officer must be able to trace.
public sealed partial class AnnualReportCouncilShapeTests
{
    private const string Activity = "Activity and achievements over last 12 months";

    [Fact]
    public void The_body_carries_no_quarter_tags_no_submission_metadata_and_no_sentence_twice()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));
        var body = doc.Paragraphs().Where(p => p.Style is not (DocxStyles.Heading1 or DocxStyles.Heading2)).Select(p => p.Text).ToList();

        Assert.Empty(doc.ValidationErrors());
        Assert.DoesNotContain(body, p => QuarterTag().IsMatch(p));
        Assert.DoesNotContain(body, p => p.Contains("Updates received", StringComparison.Ordinal) || p.Contains("submitted by", StringComparison.OrdinalIgnoreCase));
        // As in the July 2024 report, each sub-group's part introduces its lists in the same words; nothing else recurs.
        string[] partLeadIns = ["Delivery in 2024/25 included:", "The sub-group asked the OSP for the following support:",
            "The sub-group reported these challenges during the year:", "The sub-group's priorities for the year ahead include:"];
        var sentences = body.Where(p => !partLeadIns.Contains(p)).SelectMany(p => SentenceBreak().Split(p)).Select(s => s.Trim()).Where(s => s.Length > 25).ToList();
        Assert.Empty(sentences.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void A_silent_sub_group_is_explained_in_its_own_part_and_nothing_of_the_kind_is_under_the_steering_group()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));

        var part = Part(doc, Activity, "Stronger Communities");
        Assert.Equal($"The Stronger Communities sub-group reported in Q1 and Q2 but not in Q3 or Q4; its status was green throughout. {ReportInputs.StrongerCommunitiesNote}.", part[0]);
        // The steering group's part is the profile's fixed text and nothing the sub-groups said.
        Assert.Equal(ReportInputs.Profile().SteeringGroup, AnnualReportDocxTests.Section(doc, "OSP Steering Group"));

        var economic = Part(doc, Activity, "Economic Development");
        Assert.Contains("The sub-group asked the OSP for the following support:", economic);
        Assert.Contains("Ask OSP members to sign the Oxfordshire Inclusive Economy Charter and promote it through their networks.", economic);
    }

    [Fact]
    public void Forward_planning_has_each_sub_groups_plans_from_every_quarter_less_those_done_or_dropped()
    {
        var input = ReportInputs.FullYear();
        using var doc = new DocxReader(AnnualReportCompiler.Compile(input));

        // Q1's follow-up employers' day was marked in progress, then reported held in Q3; the graduate placement was
        // marked done and the Charter target dropped; the rest stands, each once, in the order first planned.
        Assert.Equal(
            ["The sub-group's priorities for the year ahead include:",
             "Launch a communication campaign on social value in procurement", "Publish the OIEP evaluation plan",
             "Refresh the Economic Strategy delivery plan for 2025/26", "Hold an HR Network event on employing veterans and military families"],
            Part(doc, "Forward Planning", "Economic Development"));
        Assert.Equal(
            ["The sub-group's priorities for the year ahead include:", "Review the Action Plan roadmap ahead of its 2025 review date", "Recruit county-wide members"],
            Part(doc, "Forward Planning", "Zero Carbon Oxford Partnership"));
        Assert.Equal(["The sub-group's priorities for the year ahead include:", "Agree the 2025/26 priorities at the June Board."],
            Part(doc, "Forward Planning", "Safer Communities"));

        // No marks and no later updates: every plan Stronger Communities gave in Q1 and Q2 is there.
        var planned = Part(doc, "Forward Planning", "Stronger Communities");
        var given = input.SubGroups.Single(g => g.Name == "Stronger Communities").Updates.SelectMany(u => SectionDrafter.Pieces(u.Plans)).ToList();
        Assert.True(given.Count >= 6, $"only {given.Count} plans read");
        Assert.All(given, plan => Assert.Contains(planned, p => p == plan || Texts.Same(p, plan)));
        Assert.DoesNotContain(AnnualReportDocxTests.Section(doc, "Forward Planning"), p => p.Contains("for Q", StringComparison.Ordinal) || p.Contains("no plans", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_generated_item_has_one_comment_naming_its_quarter_author_and_approver()
    {
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear()));
        var paragraphs = doc.CommentedParagraphs();
        // The sub-groups' parts: under Activity, and under Forward Planning after its own (fixed) list of topics.
        var parts = paragraphs.SkipWhile(p => p.Paragraph.Text != Activity).TakeWhile(p => p.Paragraph.Text != "Other OSP activities")
            .Concat(paragraphs.SkipWhile(p => p.Paragraph.Text != "Forward Planning").SkipWhile(p => p.Paragraph.Style != DocxStyles.Heading2)
                .TakeWhile(p => p.Paragraph.Text != "Financial implications"))
            .ToList();
        var items = parts.Where(p => p.Paragraph.Style == DocxStyles.ListBullet).ToList();

        Assert.True(items.Count > 40, $"only {items.Count} items");
        Assert.All(items, i => Assert.Single(i.Comments));
        Assert.All(items, i => Assert.Matches(@"Q[1-4] 2024/25, written (and approved )?by [^,]+", i.Comments[0]));
        var zeroCarbon = items.Single(i => i.Paragraph.Text == "Industrial roadmap and action plan published");
        Assert.Equal("Zero Carbon Oxford Partnership, Q4 2024/25, written by Tomasz Nowak, approved by Cllr Susan Brown, version 1", zeroCarbon.Comments[0]);
        var seminar = items.Single(i => i.Paragraph.Text.StartsWith("Held the second HR Network seminar", StringComparison.Ordinal));
        Assert.StartsWith("Economic Development, Q1 2024/25, written by Lucy Cherry, version 1; Q3 2024/25, written by Lucy Cherry, version 1", seminar.Comments[0], StringComparison.Ordinal);

        // The lead's prose and each sub-group's opening paragraph are traced too; the fixed text is not.
        Assert.All(parts.Where(p => p.Paragraph.Text.StartsWith("The ", StringComparison.Ordinal) && p.Paragraph.Text.Contains(" sub-group reported", StringComparison.Ordinal)),
            p => Assert.Single(p.Comments));
        Assert.Empty(paragraphs.TakeWhile(p => p.Paragraph.Text != Activity).SelectMany(p => p.Comments));
    }

    [Fact]
    public void The_markdown_carries_the_same_content_with_the_comments_as_footnotes()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        using var doc = new DocxReader(model);
        var md = MarkdownReportWriter.Write(model);
        var lines = md.Split('\n');
        var footnotes = lines.Where(l => l.StartsWith("[^", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(']', StringComparison.Ordinal)], l => l[(l.IndexOf("]: ", StringComparison.Ordinal) + 3)..]);

        foreach (var (paragraph, comments) in doc.CommentedParagraphs().Where(p => p.Paragraph.Style == DocxStyles.ListBullet && p.Comments.Count > 0))
        {
            var line = Assert.Single(lines, l => l.StartsWith("- " + MarkdownReportWriter.Escape(paragraph.Text) + "[^", StringComparison.Ordinal));
            var reference = line[(line.LastIndexOf("[^", StringComparison.Ordinal))..^1];
            Assert.Equal(MarkdownReportWriter.Escape(Assert.Single(comments)), footnotes[reference]);
        }
        Assert.Equal(doc.Comments().Count, footnotes.Count);

        // Numbered paragraphs carry the same numbers and words, with their footnote when they have a comment.
        var numbered = model.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Where(p => p.Number is not null).ToList();
        Assert.All(numbered, p => Assert.Contains(lines, l => l.StartsWith($"{p.Number}. {MarkdownReportWriter.Escape(p.Text)}", StringComparison.Ordinal)
            && l.Contains("[^", StringComparison.Ordinal) == (p.Comment is not null)));
    }

    private static List<string> Part(DocxReader doc, string section, string subGroup) =>
    [
        .. doc.Paragraphs().SkipWhile(p => p.Text != section).Skip(1).TakeWhile(p => p.Style != DocxStyles.Heading1)
            .SkipWhile(p => p.Text != subGroup).Skip(1).TakeWhile(p => p.Style is not (DocxStyles.Heading1 or DocxStyles.Heading2))
            .Select(p => p.Text),
    ];

    [GeneratedRegex(@"\(Q[1-4]\b|\bQ[1-4](?:, Q[1-4])+\)")]
    private static partial Regex QuarterTag();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();
}
