using System.Globalization;

namespace OspBot.Reports;

/// Turns a year's updates, the directory and the profile into the annual report to Council, shaped like the
/// July 2024 report: cover table, continuously numbered paragraphs under fixed headings, then two appendices.
/// Pure: no I/O, no clock (the compile time comes in with the input).
internal static partial class AnnualReportCompiler
{
    public static ReportModel Compile(AnnualReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = input.Profile;
        var groups = input.SubGroups.Select(g => Prepare(g, input.FinancialYear)).ToList();
        var missing = input.MissingUpdates;
        var asAt = input.MembershipAsAt ?? FinancialYears.YearEnd(input.FinancialYear);
        var b = new ReportBuilder();

        b.Section("Introduction and background").Numbered(profile.Introduction);
        b.Numbered(CoverageSentence(input, groups, missing));
        b.Section("OSP Vision").Numbered(profile.Vision);
        b.Section("OSP Aims").Numbered(profile.AimsIntro).Bullets(profile.Aims);
        b.Section("OSP Steering Group").Numbered(profile.SteeringGroup);
        SteeringGroupAsks(b, groups, input.YearLabel);
        b.Section("OSP Sub-Groups").Numbered(profile.SubGroupsIntro).Bullets(groups.Select(g => g.Name));
        foreach (var g in groups)
        {
            b.Section($"{g.Name} sub-group", level: 2).Numbered(Description(profile, g.Input));
        }
        Activity(b, groups, missing, input);
        b.Section("Other OSP activities").Numbered(profile.OtherActivitiesIntro).Bullets(profile.OtherActivities);
        b.Section("Forward Planning").Numbered(profile.ForwardPlanningIntro).Bullets(profile.ForwardPlanning);
        ForwardPlans(b, groups, input.FinancialYear);
        b.Section("Financial implications").Numbered(profile.Financial);
        b.Section("Legal issues").Numbered(profile.Legal);
        b.Section("Level of risk").Numbered(profile.Risk);
        b.Section("Equalities impact").Numbered(profile.Equalities);
        b.Section("Conclusion").Numbered(profile.Conclusion);
        Appendices(b, input, asAt);

        return new ReportModel(profile.Title, "Summary and recommendations", Cover(input, asAt), b.Sections);
    }

    private static string CoverageSentence(AnnualReportInput input, List<PreparedGroup> groups, IReadOnlyList<MissingUpdate> missing)
    {
        var received = groups.Sum(g => g.Updates.Count);
        var summary = $"This report draws on {Count(received, "quarterly update")} submitted by "
            + $"{Count(groups.Count, "sub-group")} for {input.YearLabel}.";
        if (missing.Count == 0)
        {
            return received == 0 ? summary : $"{summary} Every expected update was received.";
        }
        var names = missing.GroupBy(m => m.SubGroup)
            .Select(m => $"{m.Key} ({string.Join(", ", m.Select(x => $"Q{x.Quarter}"))})");
        return $"{summary} Updates not received when it was compiled: {string.Join("; ", names)}.";
    }

    private static IEnumerable<string> Description(ReportProfile profile, SubGroupInput group)
    {
        var standing = profile.SubGroups.FirstOrDefault(p => string.Equals(p.Name, group.Name, StringComparison.OrdinalIgnoreCase));
        if (standing is { Description.Count: > 0 })
        {
            return standing.Description;
        }
        return string.IsNullOrWhiteSpace(group.Description) ? [$"No description of the {group.Name} sub-group has been provided."] : [group.Description];
    }

    private static List<CoverRow> Cover(AnnualReportInput input, DateOnly asAt)
    {
        var c = input.Profile.Cover;
        var date = c.Date.Length > 0 ? c.Date : FinancialYears.Date(DateOnly.FromDateTime(input.CompiledAt.Date));
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
            new("Cabinet Member with responsibility", [c.CabinetMember]),
            new("Corporate Priority", [c.CorporatePriority]),
            new("Policy Framework", [c.PolicyFramework]),
            new("Recommendation(s)", [c.RecommendationsIntro, .. recommendations]),
            new("Appendices", [.. appendices]),
        ];
    }

    private static void Appendices(ReportBuilder b, AnnualReportInput input, DateOnly asAt)
    {
        var profile = input.Profile;
        b.Section($"Appendix 1: {profile.MembershipTitle} – {FinancialYears.MonthYear(asAt)}", newPage: true);
        if (input.Membership.Count == 0)
        {
            b.Plain("The directory held no steering group members at the year's end.");
        }
        else
        {
            b.Table(["Name", "Role", "Organisation"],
                [.. input.Membership.Select(m => (IReadOnlyList<string>)
                    [m.IsVacant ? "Vacant" : ReportText.Clean(m.Name), ReportText.Clean(m.Role), ReportText.Clean(m.Organisation)])]);
        }
        if (profile.Appendix2Title.Length > 0)
        {
            b.Section($"Appendix 2: {profile.Appendix2Title}", newPage: true).Plain(profile.Appendix2Intro).Bullets(profile.Appendix2Items);
        }
    }

    internal static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
