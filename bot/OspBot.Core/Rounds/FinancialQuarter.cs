using System.Globalization;

namespace OspBot.Rounds;

/// A quarter of the UK financial year (April-March): Q1 is April-June, Q4 is January-March of the next calendar year.
public readonly record struct FinancialQuarter
{
    public FinancialQuarter(int startYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 2000);
        StartYear = startYear;
        Quarter = quarter;
    }

    /// The calendar year the financial year starts in: 2025 for 2025/26.
    public int StartYear { get; }

    public int Quarter { get; }

    public DateOnly FirstDay => new DateOnly(StartYear, 4, 1).AddMonths(3 * (Quarter - 1));

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// "Q3 2025/26".
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {StartYear}/{(StartYear + 1) % 100:00}");

    public FinancialQuarter Previous => Quarter == 1 ? new(StartYear - 1, 4) : new(StartYear, Quarter - 1);

    public FinancialQuarter Next => Quarter == 4 ? new(StartYear + 1, 1) : new(StartYear, Quarter + 1);

    public static FinancialQuarter Of(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var monthsIn = (date.Month + 12 - 4) % 12;
        return new FinancialQuarter(startYear, monthsIn / 3 + 1);
    }

    public override string ToString() => Label;
}
