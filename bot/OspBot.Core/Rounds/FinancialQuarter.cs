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

    public FinancialQuarter Next => Quarter == 4 ? new(StartYear + 1, 1) : new(StartYear, Quarter + 1);

    public static FinancialQuarter Of(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var monthsIn = (date.Month + 12 - 4) % 12;
        return new FinancialQuarter(startYear, monthsIn / 3 + 1);
    }

    /// Reads a quarter as people type it: "Q3 2025/26", "2025/26 Q3", "q3 2025/2026", "2025-Q3" (the open-round
    /// form's value) or "Q3 2025" (the financial year starting in 2025). False for anything else.
    public static bool TryParse(string? text, out FinancialQuarter quarter)
    {
        quarter = default;
        var parts = (text ?? "").Trim().ToUpperInvariant()
            .Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return false;
        }

        var (q, year) = parts[0].StartsWith('Q') ? (parts[0], parts[1]) : (parts[1], parts[0]);
        if (q is not ['Q', >= '1' and <= '4'] || !TryStartYear(year, out var startYear))
        {
            return false;
        }

        quarter = new FinancialQuarter(startYear, q[1] - '0');
        return true;
    }

    // "2025", "2025/26" or "2025/2026"; the second year must follow the first.
    private static bool TryStartYear(string text, out int startYear)
    {
        var halves = text.Split('/');
        if (!int.TryParse(halves[0], NumberStyles.None, CultureInfo.InvariantCulture, out startYear)
            || halves[0].Length != 4 || startYear < 2000 || halves.Length > 2)
        {
            return false;
        }

        if (halves.Length == 1)
        {
            return true;
        }

        var next = startYear + 1;
        return halves[1] == (next % 100).ToString("00", CultureInfo.InvariantCulture) || halves[1] == next.ToString(CultureInfo.InvariantCulture);
    }

    public override string ToString() => Label;
}
