namespace OspBot.Common;

/// England and Wales bank holidays, computed from their rules rather than listed, so no table runs out: New Year's
/// Day, Good Friday and Easter Monday (Easter by the Gregorian computus), the early May, spring and summer Mondays,
/// Christmas Day and Boxing Day, with a substitute weekday when one falls at a weekend. One-off holidays proclaimed
/// for an event (a coronation, a state funeral) are not in the rules and are not known here.
internal static class BankHolidays
{
    /// The holiday's name when the date is one, else null.
    public static string? Name(DateOnly date)
    {
        var year = date.Year;
        var easter = EasterSunday(year);
        (DateOnly Date, string Name)[] holidays =
        [
            (Substitute(new DateOnly(year, 1, 1)), "New Year's Day"),
            (easter.AddDays(-2), "Good Friday"),
            (easter.AddDays(1), "Easter Monday"),
            (FirstMonday(year, 5), "the early May bank holiday"),
            (LastMonday(year, 5), "the spring bank holiday"),
            (LastMonday(year, 8), "the summer bank holiday"),
            .. ChristmasAndBoxingDay(year),
        ];
        return holidays.FirstOrDefault(h => h.Date == date).Name;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    // Christmas on a Saturday: Monday and Tuesday off; on a Sunday: Boxing Day Monday, Christmas Tuesday.
    private static IEnumerable<(DateOnly, string)> ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        var (christmasOff, boxingOff) = christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => (christmas, christmas.AddDays(3)),
            DayOfWeek.Saturday => (christmas.AddDays(2), christmas.AddDays(3)),
            DayOfWeek.Sunday => (christmas.AddDays(2), christmas.AddDays(1)),
            _ => (christmas, christmas.AddDays(1)),
        };
        yield return (christmasOff, "Christmas Day");
        yield return (boxingOff, "Boxing Day");
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
