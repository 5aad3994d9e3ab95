using OspBot.Common;

namespace OspBot.Rounds;

/// The dates of a round: prompts, chasers and deadline, all in UTC.
public sealed record RoundDates(DateTimeOffset PromptAt, DateTimeOffset DeadlineAt, IReadOnlyList<DateTimeOffset> ChaserAts);

/// Date arithmetic for rounds, in London wall-clock time (<see cref="London"/>).
public static class RoundCalendar
{
    public static FinancialQuarter QuarterOf(DateTimeOffset instant) => FinancialQuarter.Of(London.Date(instant));

    public static RoundDates DefaultDates(DateOnly meeting, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var at = options.SendAtLocalTime;
        var deadline = meeting.AddDays(-options.DeadlineDaysBefore);
        return new RoundDates(
            London.ToUtc(meeting.AddDays(-options.PromptDaysBefore), at),
            London.ToUtc(deadline, at),
            [.. options.ChaserDays.Order().Reverse().Select(d => London.ToUtc(deadline.AddDays(-d), at))]);
    }

    /// Everything wrong with a round's dates, in words for the secretariat; empty when they are fine.
    public static IReadOnlyList<string> Validate(DateOnly meeting, RoundDates dates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var errors = new List<string>();
        if (meeting <= London.Date(now))
        {
            errors.Add("The steering group meeting must be in the future.");
        }
        if (dates.DeadlineAt <= dates.PromptAt)
        {
            errors.Add("The deadline must come after the prompts are sent.");
        }
        if (London.Date(dates.DeadlineAt) > meeting)
        {
            errors.Add("The deadline must not be after the meeting.");
        }
        if (dates.DeadlineAt <= now)
        {
            errors.Add("The deadline must be in the future.");
        }
        if (dates.ChaserAts.Any(c => c <= dates.PromptAt || c >= dates.DeadlineAt))
        {
            errors.Add("Chasers must fall between the prompts and the deadline.");
        }
        return errors;
    }

    /// Whole London calendar days from today to the deadline's day: 0 on the day itself, negative once past.
    public static int DaysLeft(DateTimeOffset now, DateTimeOffset deadline) =>
        London.Date(deadline).DayNumber - London.Date(now).DayNumber;

    /// "Remind me tomorrow": the next London day at the usual sending time.
    public static DateTimeOffset Tomorrow(DateTimeOffset now, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return London.ToUtc(London.Date(now).AddDays(1), options.SendAtLocalTime);
    }
}
