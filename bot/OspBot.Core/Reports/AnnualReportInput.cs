using System.Globalization;

namespace OspBot.Reports;

/// Everything one annual report is compiled from, gathered by the caller (a job reading the database, or a test).
internal sealed record AnnualReportInput
{
    /// The financial year by its starting calendar year: 2024 means April 2024 to March 2025 ("2024/25").
    public required int FinancialYear { get; init; }

    public required DateTimeOffset CompiledAt { get; init; }

    public required ReportProfile Profile { get; init; }

    public IReadOnlyList<SubGroupInput> SubGroups { get; init; } = [];

    /// The steering group's membership as the directory stood at the year's end (Appendix 1).
    public IReadOnlyList<MembershipRow> Membership { get; init; } = [];

    /// The date <see cref="Membership"/> describes; defaults to the last day of the financial year.
    public DateOnly? MembershipAsAt { get; init; }

    public string YearLabel => FinancialYears.Label(FinancialYear);

    /// Each sub-group's quarters that have ended by <see cref="CompiledAt"/> (or were reported anyway) yet have no update.
    public IReadOnlyList<MissingUpdate> MissingUpdates =>
        [.. SubGroups.SelectMany(g => Enumerable.Range(g.FirstQuarter, 5 - g.FirstQuarter)
            .Where(q => !g.Updates.Any(u => u.Quarter == q))
            .Where(q => FinancialYears.QuarterEnd(FinancialYear, q) <= DateOnly.FromDateTime(CompiledAt.Date))
            .Select(q => new MissingUpdate(g.Name, q)))];
}

/// A sub-group and the updates it submitted during the year.
internal sealed record SubGroupInput
{
    public required string Name { get; init; }

    /// Used when the profile has no standing description for this sub-group.
    public string? Description { get; init; }

    /// The first quarter the sub-group was expected to report (a sub-group set up mid-year starts later than 1).
    public int FirstQuarter { get; init; } = 1;

    public IReadOnlyList<QuarterlyUpdate> Updates { get; init; } = [];
}

internal enum RagStatus
{
    NotGiven,
    Green,
    Amber,
    Red,
}

/// One submitted quarterly update, with the four sections of the OSP update template as entered (free text).
internal sealed record QuarterlyUpdate
{
    /// Quarter of the financial year, 1 (April to June) to 4 (January to March).
    public required int Quarter { get; init; }

    public string? SubmittedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// 1. Achievements since last update
    public string Achievements { get; init; } = "";

    /// 2. Plans for the next six months
    public string Plans { get; init; } = "";

    /// 3. Challenges and/or blocks to progress
    public string Challenges { get; init; } = "";

    /// 4. Requests for OSP support/advice/action/intervention
    public string Requests { get; init; } = "";

    public RagStatus Rag { get; init; }
}

/// A seat on the steering group; a vacant seat keeps its role and organisation so the list stays whole.
internal sealed record MembershipRow(string Name, string? Role, string? Organisation, bool IsVacant = false);

internal sealed record MissingUpdate(string SubGroup, int Quarter);

internal static class FinancialYears
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Label(int year) => string.Create(CultureInfo.InvariantCulture, $"{year}/{(year + 1) % 100:00}");

    public static DateOnly QuarterStart(int year, int quarter) => new DateOnly(year, 4, 1).AddMonths(3 * (quarter - 1));

    public static DateOnly QuarterEnd(int year, int quarter) => QuarterStart(year, quarter).AddMonths(3).AddDays(-1);

    public static DateOnly YearEnd(int year) => new(year + 1, 3, 31);

    /// "Q2 (July to September 2024)"
    public static string QuarterName(int year, int quarter) =>
        $"Q{quarter} ({QuarterStart(year, quarter).ToString("MMMM", EnGb)} to {QuarterEnd(year, quarter).ToString("MMMM yyyy", EnGb)})";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", EnGb);
}
