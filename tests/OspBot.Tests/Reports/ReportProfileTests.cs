using System.Text.Json;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

public sealed class ReportProfileTests
{
    [Fact]
    public void The_sample_profile_fills_every_fixed_part_of_the_report()
    {
        var profile = ReportProfile.Sample();

        Assert.All(new[] { profile.Cover.To, profile.Cover.ReportOf, profile.Cover.Purpose, profile.Cover.CabinetMember,
            profile.Cover.CorporatePriority, profile.Cover.PolicyFramework, profile.AimsIntro, profile.Appendix2Title }, v => Assert.NotEmpty(v));
        Assert.All(new[] { profile.Introduction, profile.Vision, profile.Aims, profile.SteeringGroup, profile.Financial, profile.Legal,
            profile.Risk, profile.Equalities, profile.Conclusion, profile.Cover.Recommendations, profile.Cover.Appendices }, v => Assert.NotEmpty(v));
        Assert.Equal(["Economic Development", "Stronger Communities", "Zero Carbon Oxford Partnership", "Safer Communities"],
            profile.SubGroups.Select(s => s.Name));
        Assert.Equal(("Councillor Susan Brown", 8320m, "2024/25"), (profile.Cover.CabinetMemberName, profile.Budget, profile.BudgetYear));
        Assert.Contains(profile.Financial, p => p.Contains("{budget}", StringComparison.Ordinal));
        // Until the secretariat sets it, the cover says the meeting date is to be confirmed rather than inventing one.
        Assert.Null(profile.Cover.CouncilMeetingDate);
    }

    [Fact]
    public void The_council_meeting_date_and_a_sub_groups_note_are_read_from_the_profile()
    {
        var profile = ReportProfile.Load("""
            { "cover": { "councilMeetingDate": "2025-07-14" },
              "subGroups": [ { "name": "Stronger Communities", "description": ["…"], "note": "Not meeting while under review" } ] }
            """);

        Assert.Equal(new DateOnly(2025, 7, 14), profile.Cover.CouncilMeetingDate);
        Assert.Equal("Not meeting while under review", profile.SubGroups[0].Note);
    }

    [Fact]
    public void A_profile_with_a_misspelt_field_is_refused_rather_than_silently_ignored()
    {
        Assert.Throws<JsonException>(() => ReportProfile.Load("""{ "cover": {}, "visoin": ["typo"] }"""));
        Assert.Equal(["Ours"], ReportProfile.Load("""{ "cover": { "to": "Cabinet" }, "vision": ["Ours"] }""").Vision);
    }
}
