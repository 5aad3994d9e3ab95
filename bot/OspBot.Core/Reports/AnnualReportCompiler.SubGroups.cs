using System.Text.RegularExpressions;

namespace OspBot.Reports;

internal static partial class AnnualReportCompiler
{
    /// A sub-group with its usable updates in quarter order and its achievements merged across quarters.
    private sealed record PreparedGroup(SubGroupInput Input, string Name, IReadOnlyList<QuarterlyUpdate> Updates, IReadOnlyList<MergedItem> Achievements);

    private static PreparedGroup Prepare(SubGroupInput group, int year)
    {
        List<QuarterlyUpdate> updates = [.. group.Updates
            .Where(u => u.Quarter is >= 1 and <= 4)
            .OrderBy(u => u.Quarter)
            .ThenBy(u => u.SubmittedAt ?? FinancialYears.QuarterEnd(year, u.Quarter).ToDateTime(TimeOnly.MinValue))];
        var name = ReportText.Clean(group.Name);
        return new PreparedGroup(group, name, updates, Merge(updates, u => u.Achievements));
    }

    private static IReadOnlyList<MergedItem> Merge(IEnumerable<QuarterlyUpdate> updates, Func<QuarterlyUpdate, string> section) =>
        ItemMerger.Merge(updates.SelectMany(u => ReportText.Items(section(u))
            .Where(i => !NilReturn().IsMatch(i))
            .Select(i => (i, $"Q{u.Quarter}"))));

    // "None", "N/A", "There are no particular challenges or blocks to progress to report currently." and the like.
    [GeneratedRegex(@"^(?:(?:none|n/?a|nil|nothing(?: to report)?)(?: (?:at present|at this time|this quarter|currently))?|no (?:particular |specific )?(?:challenges|blocks|requests|issues)[^\n]{0,80}|there are no (?:particular |specific )?(?:challenges|blocks|requests|issues)[^\n]{0,80})[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex NilReturn();

    private static void SteeringGroupAsks(ReportBuilder b, List<PreparedGroup> groups, string year)
    {
        b.List($"The sub-groups reported these challenges and blocks to progress during {year}:",
            FromEachGroup(groups, u => u.Challenges),
            $"No sub-group reported challenges or blocks to progress during {year}.");
        b.List($"The sub-groups asked the OSP for the following support, advice, action or intervention during {year}:",
            FromEachGroup(groups, u => u.Requests),
            $"No sub-group asked the OSP for support, advice, action or intervention during {year}.");
    }

    private static List<ReportBullet> FromEachGroup(List<PreparedGroup> groups, Func<QuarterlyUpdate, string> section) =>
        [.. groups.SelectMany(g => Merge(g.Updates, section).Select(m => new ReportBullet(m.Text, $"{g.Name}, {string.Join(", ", m.Sources)}")))];

    private static void Activity(ReportBuilder b, List<PreparedGroup> groups, IReadOnlyList<MissingUpdate> missing, AnnualReportInput input)
    {
        var year = input.YearLabel;
        b.Section("Activity and achievements over last 12 months");
        if (groups.Count == 0)
        {
            b.Numbered($"No sub-groups were recorded for {year}.");
        }
        else if (groups.All(g => g.Updates.Count == 0))
        {
            b.Numbered($"No sub-group submitted a quarterly update for {year}, so there is no activity to report from them.");
        }
        foreach (var g in groups)
        {
            b.Section(g.Name, level: 2);
            if (g.Input.FirstQuarter > 1)
            {
                b.Numbered($"The {g.Name} sub-group was set up during the year and has reported since {FinancialYears.QuarterName(input.FinancialYear, g.Input.FirstQuarter)}.");
            }
            b.Numbered(g.Updates.Count == 0
                ? $"No updates were received from the {g.Name} sub-group for {year}."
                : $"Updates received: {string.Join("; ", g.Updates.Select(Received))}.");
            var gaps = missing.Where(m => m.SubGroup == g.Input.Name).Select(m => FinancialYears.QuarterName(input.FinancialYear, m.Quarter)).ToList();
            if (gaps.Count > 0 && g.Updates.Count > 0)
            {
                b.Numbered($"No update was received from the {g.Name} sub-group for {JoinAnd(gaps)}.");
            }
            if (g.Updates.Count > 0)
            {
                b.List($"Achievements reported during {year}, with the quarter of each update that reported them:",
                    [.. g.Achievements.Select(a => new ReportBullet(a.Text, string.Join(", ", a.Sources)))],
                    $"The {g.Name} sub-group's updates reported no achievements.");
            }
        }
    }

    private static string Received(QuarterlyUpdate u)
    {
        var by = string.IsNullOrWhiteSpace(u.SubmittedBy) ? "" : $" from {ReportText.Clean(u.SubmittedBy)}";
        var at = u.SubmittedAt is { } t ? $" on {FinancialYears.Date(DateOnly.FromDateTime(t.Date))}" : "";
        var rag = u.Rag == RagStatus.NotGiven ? "" : $" (status {u.Rag})";
        return $"Q{u.Quarter}{by}{at}{rag}";
    }

    private static void ForwardPlans(ReportBuilder b, List<PreparedGroup> groups, int year)
    {
        foreach (var g in groups)
        {
            var latest = g.Updates.Count > 0 ? g.Updates[^1] : null;
            var plans = latest is null ? [] : ReportText.Items(latest.Plans);
            if (latest is null)
            {
                b.Numbered($"The {g.Name} sub-group submitted no plans for {FinancialYears.Label(year + 1)}.");
            }
            else
            {
                b.List($"The {g.Name} sub-group's plans for the next six months, from its latest update, for {FinancialYears.QuarterName(year, latest.Quarter)}:",
                    [.. plans.Select(p => new ReportBullet(p))],
                    $"The {g.Name} sub-group's latest update, for {FinancialYears.QuarterName(year, latest.Quarter)}, set out no plans.");
            }
        }
    }

    private static string JoinAnd(List<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
}
