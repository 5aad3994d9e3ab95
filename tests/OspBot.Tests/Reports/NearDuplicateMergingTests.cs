using OspBot.Common;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

public sealed class NearDuplicateMergingTests
{
    /// The same thing said in several quarters, in different words: one item, in the kept wording.
    public static TheoryData<string, string[], string> SameItem => new()
    {
        {
            "an employers' day told three ways",
            [
                "Employers' day held at Bullingdon Prison in September, with 14 employers attending",
                "Employers’ day at Bullingdon Prison in September 2023: vacancies from attendees are now being placed with the prison employment hub",
                "Following the employers' day at Bullingdon Prison in September, vacancies from attendees are now placed through the prison employment hub",
            ],
            "Following the employers' day at Bullingdon Prison in September, vacancies from attendees are now placed through the prison employment hub"
        },
        {
            "the HR Network seminar re-worded",
            [
                "Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS",
                "Second HR Network seminar held, with speakers from Asylum Welcome, Aspire and the NHS",
                "HR Network seminar (the second) held with Asylum Welcome, Aspire and NHS speakers",
            ],
            // The latest says nothing the first did not, in fewer letters: the fuller wording stays.
            "Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS"
        },
        {
            "the seeds' MECC lines (002 then 000)",
            [
                "The Making Every Contact Count (MECC) task and finish workstream has progressed well and there is good engagement and interest in MECC as a key part of the prevention agenda. A detailed update on this work area is appended.",
                "Making Every Contact Count (MECC) – this has been our task and finish project for the year. A separate update has been appended to this report to give an overview of MECC activity across Oxfordshire which members of the group have contributed to.",
            ],
            "Making Every Contact Count (MECC) – this has been our task and finish project for the year. A separate update has been appended to this report to give an overview of MECC activity across Oxfordshire which members of the group have contributed to."
        },
        {
            "a fuller earlier wording that holds the latest one",
            [
                "The Blackbird Leys Larder successfully moved to the Oxford Hub, with volunteers from the Leys Community Church",
                "the blackbird leys larder moved to the Oxford Hub!",
                "Blackbird Leys Larder moved to the Oxford Hub",
            ],
            "The Blackbird Leys Larder successfully moved to the Oxford Hub, with volunteers from the Leys Community Church"
        },
        {
            "a plan and its report in the past tense",
            [
                "Hold an HR Network event on employing veterans and military families",
                "Held an HR Network event on employing veterans and military families",
            ],
            "Held an HR Network event on employing veterans and military families"
        },
        {
            "a count brought up to date",
            [
                "Over 80 organisations have signed the Oxfordshire Inclusive Economy Charter",
                "Nearly 100 organisations, including Oxford City Council, have now signed the Oxfordshire Inclusive Economy Charter",
            ],
            "Nearly 100 organisations, including Oxford City Council, have now signed the Oxfordshire Inclusive Economy Charter"
        },
        {
            "the same paragraph from a scan and from a PDF",
            [
                "The group continues to meet regularly during the year and has good representation from partners including Oxford City Council Leisure, Communities and Policy teams, Oxfordshire County Council Public Health and Oxfordshire Clinical Commissioning Group. Most recently OCVA have become engaged with the group.",
                "The group continues to meet regularly during the year and has good representation from partners including Oxford City Council Leisure, Communities and Policy teams, Oxfordshire County Council Public Health and Oxfordshire Clinical Commissioning Group. Most recently OCVA have become engaged with the group and at the last meeting a representative from the DWP was invited to join our discussions on inclusive growth in preparation for how we might be able to support this agenda.",
            ],
            "The group continues to meet regularly during the year and has good representation from partners including Oxford City Council Leisure, Communities and Policy teams, Oxfordshire County Council Public Health and Oxfordshire Clinical Commissioning Group. Most recently OCVA have become engaged with the group and at the last meeting a representative from the DWP was invited to join our discussions on inclusive growth in preparation for how we might be able to support this agenda."
        },
    };

    /// Items that share words but report different things.
    public static TheoryData<string, string, string> DifferentItems => new()
    {
        {
            "an event and its follow-up",
            "Employers' day at Bullingdon Prison in September 2023, vacancies from attendees are now being placed with the prison employment hub",
            "Arranging a follow up employers' day at Bullingdon prison in the Autumn/Winter"
        },
        {
            "two uses of the same fund",
            "Move Together funding has been confirmed for another year to allow the project to continue and to be extended to offer maternity support",
            "Move Together funding to support the expansion of Good Boost across the leisure centres to allow Move Together participants to access sessions at a discounted rate"
        },
        { "different months", "Met in May.", "Met in June." },
        { "the next wave of a survey", "Business survey wave 3 completed", "Business survey wave 4 completed" },
        { "next year's plan", "Rolling plan 2024/25 published.", "Rolling plan 2025/26 published." },
        {
            "the second and the third seminar",
            "Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS",
            "Held the third HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS"
        },
        {
            "MECC as an achievement and as a request",
            "Making Every Contact Count (MECC) – this has been our task and finish project for the year.",
            "Continuing to encourage partners to engage with and adopt the principles of Making Every Contact Count (MECC)."
        },
        {
            "two projects of one place",
            "Barton Healthy New Town – updates and learning have been shared with the group during the year. The third year of the project has now been completed and an evaluation report has been completed.",
            "Barton Healthy New Town work has continued into its third year with this final phase focussing on consolidation of learning, contributing to national guidance documentation and development of the Team Around the Patient project."
        },
    };

    [Theory]
    [MemberData(nameof(SameItem))]
    public void The_same_achievement_in_different_words_becomes_one_item(string why, string[] quarters, string kept)
    {
        var cluster = Assert.Single(ItemMerger.Cluster(quarters));
        Assert.True(cluster.Members.Count == quarters.Length, why);
        Assert.Equal(kept, quarters[cluster.Representative]);
    }

    [Theory]
    [MemberData(nameof(DifferentItems))]
    public void Different_items_that_share_words_stay_apart(string why, string first, string second)
    {
        Assert.True(ItemMerger.Cluster([first, second]).Count == 2, why);
    }

    [Fact]
    public void Every_bullet_of_the_July_2024_report_is_its_own_item()
    {
        // 004's lists are an officer's finished work: nothing in them repeats, though many items share words.
        var bullets = SeedUpdates.Read("004_51886f35076676f6.txt").Split('\n')
            .Where(l => l.StartsWith("· ", StringComparison.Ordinal)).Select(l => PastedText.Clean(l[2..])).ToList();
        Assert.True(bullets.Count > 60, $"only {bullets.Count} bullets read");

        var clusters = ItemMerger.Cluster(bullets);

        var merged = clusters.Where(c => c.Members.Count > 1).Select(c => string.Join(" | ", c.Members.Select(m => bullets[m])));
        Assert.Empty(merged);
    }
}
