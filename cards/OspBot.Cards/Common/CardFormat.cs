using System.Globalization;

namespace OspBot.Cards.Common;

/// How every card writes dates, deadlines and counts: in Europe/London time, British English.
internal static class CardFormat
{
    // Invariant day and month names are English; the pattern gives the British order.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime InLondon(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).DateTime;

    /// "Monday 26 October 2026, 9:00"
    public static string DateTime(DateTimeOffset at) => InLondon(at).ToString("dddd d MMMM yyyy, H:mm", English);

    /// "Monday 26 October 2026"
    public static string Date(DateTimeOffset at) => InLondon(at).ToString("dddd d MMMM yyyy", English);

    /// "26 Oct 2026": for table rows, where space is short.
    public static string ShortDate(DateTimeOffset at) => InLondon(at).ToString("d MMM yyyy", English);

    /// "20 Oct 2026, 14:30": a table row's moment.
    public static string ShortDateTime(DateTimeOffset at) => InLondon(at).ToString("d MMM yyyy, H:mm", English);

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// "4,213"
    public static string Count(int n) => n.ToString("N0", English);

    /// Calendar days in London from now to the deadline's day: 0 on the day itself, negative once past.
    public static int DaysLeft(DateTimeOffset now, DateTimeOffset deadline) =>
        (int)(InLondon(deadline).Date - InLondon(now).Date).TotalDays;

    /// "5 days left", "1 day left", "Due today at 9:00", "The deadline has passed".
    public static string TimeLeft(DateTimeOffset now, DateTimeOffset deadline)
    {
        if (now >= deadline)
        {
            return "The deadline has passed";
        }

        return DaysLeft(now, deadline) switch
        {
            <= 0 => $"Due today at {InLondon(deadline).ToString("H:mm", English)}",
            1 => "1 day left",
            var n => $"{Count(n)} days left",
        };
    }
}
