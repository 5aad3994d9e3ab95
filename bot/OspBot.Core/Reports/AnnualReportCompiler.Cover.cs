using System.Globalization;
using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

internal static partial class AnnualReportCompiler
{
    private static List<CoverRow> Cover(AnnualReportInput input, DateOnly asAt)
    {
        var c = input.Profile.Cover;
        var date = c.CouncilMeetingDate is { } meeting ? FinancialYears.Date(meeting) : "To be confirmed";
        var cabinetMember = string.Join(", ", new[] { c.CabinetMemberName, c.CabinetMember }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var recommendations = c.Recommendations.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {r}"));
        var appendices = c.Appendices.Select(a => a.Replace("{asAt}", FinancialYears.MonthYear(asAt), StringComparison.Ordinal));
        return
        [
            new("To", [c.To]),
            new("Date", [date]),
            new("Report of", [c.ReportOf]),
            new("Title of Report", [c.TitleOfReport]),
            new("Purpose of report", [c.Purpose]),
            new("Key decision", [c.KeyDecision]),
            new("Cabinet Member with responsibility", [cabinetMember]),
            new("Corporate Priority", [c.CorporatePriority]),
            new("Policy Framework", [c.PolicyFramework]),
            new("Recommendation(s)", [c.RecommendationsIntro, .. recommendations]),
            new("Appendices", [.. appendices]),
        ];
    }

    /// Appendix 1 as the July 2024 report has it: each seat's holder (the chair marked) beside their job title and
    /// organisation, a vacant seat by the seat it is, dated with the month the list was taken.
    private static void Appendices(ReportBuilder b, AnnualReportInput input, DateOnly asAt)
    {
        var profile = input.Profile;
        b.Section($"Appendix 1: {profile.MembershipTitle} – {FinancialYears.MonthYear(asAt)}", newPage: true);
        if (input.Membership.Count == 0)
        {
            b.Plain($"The directory held no steering group members in {FinancialYears.MonthYear(asAt)}.");
        }
        else
        {
            b.Table(["Name", "Role and organisation"], [.. input.Membership.Select(Seat)], [35, 65]);
        }
        if (profile.Appendix2Title.Length > 0)
        {
            b.Section($"Appendix 2: {profile.Appendix2Title}", newPage: true).Plain(profile.Appendix2Intro).Bullets(profile.Appendix2Items);
        }
    }

    private static IReadOnlyList<string> Seat(MembershipRow m)
    {
        var title = PastedText.Clean(m.JobTitle);
        if (m.IsVacant)
        {
            return ["Vacant", title];
        }
        var name = PastedText.Clean(m.Name);
        if (m.IsChair && !name.EndsWith("(Chair)", StringComparison.OrdinalIgnoreCase))
        {
            name += " (Chair)";
        }
        return [name, string.Join(", ", new[] { title, PastedText.Clean(m.Organisation) }.Where(s => s.Length > 0))];
    }
}
