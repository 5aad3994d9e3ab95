using System.Globalization;
using OspBot.Rounds;

namespace OspBot.Reports.Drafting;

/// Everything one annual report is compiled from, gathered by the caller (a job reading the database, or a test).
internal sealed record AnnualReportInput
{
    /// The financial year by its starting calendar year: 2024 means April 2024 to March 2025 ("2024/25").
    public required int FinancialYear { get; init; }

    public required DateTimeOffset CompiledAt { get; init; }

    public required ReportProfile Profile { get; init; }

    public IReadOnlyList<SubGroupInput> SubGroups { get; init; } = [];

    /// The steering group's membership (Appendix 1), in the order the appendix lists it.
    public IReadOnlyList<MembershipRow> Membership { get; init; } = [];

    /// When <see cref="Membership"/> was taken from the directory (the appendix is dated by its month);
    /// defaults to the compile date.
    public DateOnly? MembershipAsAt { get; init; }

    /// The year's steering group meetings; their agendas are the OSP's other activities.
    public IReadOnlyList<SteeringMeeting> SteeringGroupMeetings { get; init; } = [];

    /// The year's requests for OSP support that the OSP answered; they are other OSP activities too.
    public IReadOnlyList<AnsweredRequest> AnsweredRequests { get; init; } = [];

    public string YearLabel => FinancialYears.Label(FinancialYear);

    /// Each sub-group's quarters that have ended by <see cref="CompiledAt"/> (or were reported anyway) yet have no update.
    public IReadOnlyList<MissingUpdate> MissingUpdates =>
        [.. SubGroups.SelectMany(g => Enumerable.Range(g.FirstQuarter, 5 - g.FirstQuarter)
            .Where(q => !g.Updates.Any(u => u.Quarter == q))
            .Where(q => FinancialYears.QuarterEnd(FinancialYear, q) <= DateOnly.FromDateTime(CompiledAt.Date))
            .Select(q => new MissingUpdate(g.Name, q)))];
}

/// A sub-group's request for OSP support and what the OSP did about it.
internal sealed record AnsweredRequest(string SubGroup, string Request, string Response);

/// A sub-group and the updates it submitted during the year.
internal sealed record SubGroupInput
{
    public required string Name { get; init; }

    /// Used when the profile has no standing description for this sub-group.
    public string? Description { get; init; }

    /// The first quarter the sub-group was expected to report (a sub-group set up mid-year starts later than 1).
    public int FirstQuarter { get; init; } = 1;

    /// Where the report places a sub-group the profile does not name: after those it names, lowest first
    /// (the directory's order), then by name.
    public int SortOrder { get; init; } = int.MaxValue;

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

    /// Who wrote it: the person who submitted it, not the chair who approved it.
    public string? SubmittedBy { get; init; }

    /// The chair who approved it, when the sub-group's updates need approval (the chair's own update too).
    public string? ApprovedBy { get; init; }

    /// The number of the version that was submitted (or approved).
    public int? Version { get; init; }

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

    /// Why the status is what it is, as the lead gave it ("Funding for the OIEP Manager post is not confirmed").
    public string? RagReason { get; init; }

    /// The lead's verdicts on the plans carried forward from the previous update.
    public IReadOnlyList<PlanMark> PlanReviews { get; init; } = [];
}

/// A plan carried forward into this update, as the previous update worded it, and what became of it.
internal sealed record PlanMark(string Text, PlanStatus Status);

/// A seat on the steering group: the person's name, job title and organisation, or for a vacant seat the seat
/// it is ("Larger Business Representative") in <see cref="JobTitle"/>.
internal sealed record MembershipRow(string Name, string? JobTitle, string? Organisation, bool IsChair = false, bool IsVacant = false);

/// A steering group meeting of the year: its date, title and agenda as the secretariat typed it.
internal sealed record SteeringMeeting(DateOnly Date, string Title, string? Agenda);

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
