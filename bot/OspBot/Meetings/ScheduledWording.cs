using System.Globalization;
using OspBot.Common;

namespace OspBot.Meetings;

/// The confirmation of a booked meeting in people's words: who will be reminded and when, and a warning (never a
/// refusal: the OSP may mean it) when the day is a weekend or an England and Wales bank holiday.
internal static class ScheduledWording
{
    public static string Confirmation(MeetingChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = $"Meeting scheduled. {Reminders(change.Reminders)}";
        return DayWarning(London.Date(change.Meeting.Start)) is { } warning ? $"{text} {warning}" : text;
    }

    /// "Reminders will go to 10 members, 7 days and 1 day before."
    public static string Reminders(ReminderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Count == 0)
        {
            return "No reminders are due before it.";
        }
        var people = plan.People == 1 ? "1 member" : string.Create(CultureInfo.InvariantCulture, $"{plan.People} members");
        var when = plan.Offsets.Select(Before).ToList();
        var list = when.Count == 1 ? when[0] : $"{string.Join(", ", when[..^1])} and {when[^1]}";
        return $"{(plan.Offsets.Count == 1 ? "A reminder" : "Reminders")} will go to {people}, {list} before.";
    }

    /// "Please check the date: Sunday 13 December 2026 is a weekend." or null on a working day.
    public static string? DayWarning(DateOnly day)
    {
        var date = day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        return BankHolidays.Name(day) is { } holiday
            ? $"Please check the date: {date} is {holiday}, a bank holiday in England and Wales."
            : BankHolidays.IsWeekend(day) ? $"Please check the date: {date} is a weekend." : null;
    }

    private static string Before(TimeSpan offset) => offset switch
    {
        { TotalDays: 1 } => "1 day",
        _ when offset.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{(int)offset.TotalDays} days"),
        { TotalHours: 1 } => "1 hour",
        _ when offset.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(int)offset.TotalHours} hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)offset.TotalMinutes} minutes"),
    };
}
