using System.Globalization;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// Turns a year's updates, the directory and the profile into the annual report to Council, shaped and worded
/// like the July 2024 report: cover table, continuously numbered paragraphs under fixed headings, a part per
/// sub-group written from its year of updates, then two appendices. Where each generated piece came from is a
/// comment for the officer, never text in the body. Pure: no I/O, no clock (the compile time comes in with the input).
internal static partial class AnnualReportCompiler
{
    /// <paramref name="parts"/>: each sub-group's signed-off part by name, when the year's sign-off has started; an
    /// approved or edited part is printed as its text stands, the others are drafted and noted as not yet approved.
    public static ReportModel Compile(AnnualReportInput input, IReadOnlyDictionary<string, SignedPart>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = input.Profile;
        var missing = input.MissingUpdates;
        var groups = Ordered(input.SubGroups, profile).Select(g => Draft(input, g)).ToList();
        var asAt = input.MembershipAsAt ?? DateOnly.FromDateTime(input.CompiledAt.Date);
        var b = new ReportBuilder();

        b.Section("Introduction and background").Numbered(profile.Introduction);
        b.Section("OSP Vision").Numbered(profile.Vision);
        b.Section("OSP Aims").Numbered(profile.AimsIntro, keepWithNext: true).Bullets(profile.Aims);
        b.Section("OSP Steering Group").Numbered(profile.SteeringGroup);
        b.Section("OSP Sub-Groups").Numbered(profile.SubGroupsIntro, keepWithNext: true).Bullets(groups.Select(g => g.Name));
        foreach (var g in groups)
        {
            b.Section($"{g.Name} sub-group", level: 2).Numbered(Description(profile, g.Input));
        }
        Activity(b, groups, missing, input, parts);
        OtherActivities(b, input);
        ForwardPlanning(b, groups, profile, parts);
        b.Section("Financial implications").Numbered(profile.Financial.Select(p => WithBudget(p, profile)));
        b.Section("Legal issues").Numbered(profile.Legal);
        b.Section("Level of risk").Numbered(profile.Risk);
        b.Section("Equalities impact").Numbered(profile.Equalities);
        b.Section("Conclusion").Numbered(profile.Conclusion);
        Appendices(b, input, asAt);

        return new ReportModel(profile.Title, "Summary and recommendations", Cover(input, asAt), b.Sections);
    }

    /// One sub-group's year as the report drafts it (also what its chair is sent to sign off).
    internal static SubGroupYear Draft(AnnualReportInput input, SubGroupInput group) =>
        SubGroupYear.Draft(group, input.FinancialYear,
            [.. input.MissingUpdates.Where(m => m.SubGroup == group.Name).Select(m => m.Quarter)], Standing(input.Profile, group.Name));

    /// The partnership's order: the sub-groups the profile names, as it names them; then the others by their
    /// sort order (the directory's), then name.
    private static IEnumerable<SubGroupInput> Ordered(IReadOnlyList<SubGroupInput> groups, ReportProfile profile)
    {
        var named = profile.SubGroups.Select(s => s.Name).ToList();
        int Rank(SubGroupInput g) => named.FindIndex(n => string.Equals(n, g.Name, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i ? i : int.MaxValue;
        return groups.OrderBy(Rank).ThenBy(g => g.SortOrder).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase);
    }

    private static SubGroupProfile? Standing(ReportProfile profile, string name) =>
        profile.SubGroups.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Description(ReportProfile profile, SubGroupInput group)
    {
        if (Standing(profile, group.Name) is { Description.Count: > 0 } standing)
        {
            return standing.Description;
        }
        return string.IsNullOrWhiteSpace(group.Description) ? [$"No description of the {group.Name} sub-group has been provided."] : [group.Description];
    }

    private static void OtherActivities(ReportBuilder b, AnnualReportInput input)
    {
        var profile = input.Profile;
        var topics = SteeringAgenda.Topics(input.SteeringGroupMeetings);
        List<ReportBullet> items = [.. topics.Select(t => new ReportBullet(t.Text, t.Source.Comment())),
            .. profile.OtherActivities.Where(a => !topics.Any(t => Texts.Same(t.Text, a))).Select(a => new ReportBullet(a)),
            .. input.AnsweredRequests.Select(a => new ReportBullet($"{a.Response} (asked for by the {a.SubGroup} sub-group: “{a.Request}”)"))];
        b.Section("Other OSP activities");
        if (items.Count > 0)
        {
            b.Numbered(profile.OtherActivitiesIntro, keepWithNext: true).Bullets(items);
        }
        else
        {
            b.Numbered($"No other steering group activity was recorded for {input.YearLabel}.");
        }
    }

    private static string WithBudget(string paragraph, ReportProfile profile)
    {
        var en = CultureInfo.GetCultureInfo("en-GB");
        var budget = profile.Budget is { } amount
            ? "£" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", en)
            : "(budget to be confirmed)";
        return paragraph.Replace("{budget}", budget, StringComparison.Ordinal)
            .Replace("{budgetYear}", profile.BudgetYear.Length > 0 ? profile.BudgetYear : "the year", StringComparison.Ordinal);
    }

    internal static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
