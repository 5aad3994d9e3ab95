using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

/// The two real Stronger Communities updates (the scan, seed 002, then the PDF, seed 000) as one sub-group's Q3 and
/// Q4, drafted as the report gives them.
public sealed class SeedDraftingTests
{
    private static (DraftedSection Achievements, IReadOnlyList<DraftedItem> Requests) Draft()
    {
        var q3 = SeedUpdates.Scanned(3);
        var q4 = SeedUpdates.Pdf(4);
        QuarterText Text(QuarterlyUpdate u, string text) => new(new SourceNote("Stronger Communities", 2024, u.Quarter, u.SubmittedBy, null, u.Version), text);
        return (SectionDrafter.Draft([Text(q3, q3.Achievements), Text(q4, q4.Achievements)]),
            SectionDrafter.DraftList([Text(q3, q3.Requests), Text(q4, q4.Requests)]));
    }

    [Fact]
    public void Lead_ins_stay_prose_with_their_lists_and_bullets_of_every_kind_become_items()
    {
        var (achievements, _) = Draft();

        var areas = achievements.Paragraphs[0];
        Assert.StartsWith("The Stronger Communities sub-group of the Oxford Strategic Partnership (OSP) targets", areas.Paragraph.Text, StringComparison.Ordinal);
        Assert.EndsWith("The aim of the sub-group is to bring partners together to improve those outcomes. The areas of focus for this work are;", areas.Paragraph.Text, StringComparison.Ordinal);
        // "e The Leys" (OCR) in Q3 and "\uF0B7 The Leys" (a symbol-font bullet) in Q4: one list, each area once.
        Assert.Equal(["The Leys", "Rose Hill", "Littlemore", "Barton", "Wood Farm", "Northway"], areas.Items.Select(i => i.Text));

        var focus = Assert.Single(achievements.Paragraphs, p => p.Paragraph.Text == "Some of the key areas of focus this year have included:");
        Assert.Equal(4, focus.Items.Count);
        Assert.Empty(achievements.Items);
        Assert.DoesNotContain(achievements.AllText(), t => t.Contains('\uF0B7', StringComparison.Ordinal) || t.StartsWith("e ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repeated_url_line_goes_and_the_split_url_is_joined()
    {
        var (achievements, _) = Draft();
        const string Url = "http://www.healthempowerment.co.uk/wpcontent/uploads/2019/06/BARTON_HNT.pdf";

        var all = achievements.AllText().ToList();
        Assert.Single(all, t => t.Contains(Url, StringComparison.Ordinal));
        Assert.DoesNotContain(all, t => t.StartsWith("http", StringComparison.Ordinal));
        Assert.Contains(all, t => t.Contains($"can be accessed via this link: {Url}. The delivery group", StringComparison.Ordinal));
    }

    [Fact]
    public void Mecc_and_the_repeated_paragraphs_appear_once_in_the_latest_fullest_wording()
    {
        var (achievements, requests) = Draft();
        var all = achievements.AllText().ToList();

        var mecc = Assert.Single(all, t => t.Contains("MECC", StringComparison.Ordinal));
        Assert.StartsWith("Making Every Contact Count (MECC) – this has been our task and finish project for the year.", mecc, StringComparison.Ordinal);
        var meeting = Assert.Single(all, t => t.StartsWith("The group continues to meet regularly", StringComparison.Ordinal));
        Assert.Contains("a representative from the DWP was invited", meeting, StringComparison.Ordinal);
        Assert.Single(all, t => t.StartsWith("The Stronger Communities group provides a strong foundation", StringComparison.Ordinal));

        var item = achievements.Paragraphs.SelectMany(p => p.Items).Single(i => i.Text == mecc);
        Assert.Equal(["Q3 2024/25", "Q4 2024/25"], item.Source.Sources.Select(s => s.QuarterLabel));
        Assert.Contains("Also worded (Q3 2024/25): “The Making Every Contact Count (MECC) task and finish workstream", item.Source.Comment(), StringComparison.Ordinal);

        Assert.Equal(
            ["Continued support for the Stronger Communities focus on addressing inequalities.",
             "Continuing to encourage partners to engage with and adopt the principles of Making Every Contact Count (MECC)."],
            requests.Select(r => r.Text));
    }
}
