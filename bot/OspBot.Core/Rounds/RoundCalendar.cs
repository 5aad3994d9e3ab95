namespace OspBot.Rounds;

/// The dates of a round: prompts, chasers and deadline, all in UTC.
public sealed record RoundDates(DateTimeOffset PromptAt, DateTimeOffset DeadlineAt, IReadOnlyList<DateTimeOffset> ChaserAts);

/// Date arithmetic for rounds. The OSP works in Oxford, so "9am, 21 days before the meeting" is London wall-clock
/// time: each date is computed as a local date and time first and only then converted to UTC, which is what keeps
/// 09:00 at 09:00 on both sides of a BST/GMT change.
public static class RoundCalendar
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    public static FinancialQuarter QuarterOf(DateTimeOffset instant) => FinancialQuarter.Of(LocalDate(instant));

    /// London wall-clock time to UTC. In the spring gap (01:00-02:00 does not exist) the clock is moved forward an
    /// hour; in the autumn overlap the earlier (BST) instant is taken.
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = London.IsAmbiguousTime(local)
            ? London.GetAmbiguousTimeOffsets(local).Max()
            : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static RoundDates DefaultDates(DateOnly meeting, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var at = options.SendAtLocalTime;
        var deadline = meeting.AddDays(-options.DeadlineDaysBefore);
        return new RoundDates(
            ToUtc(meeting.AddDays(-options.PromptDaysBefore), at),
            ToUtc(deadline, at),
            [.. options.ChaserDays.Order().Reverse().Select(d => ToUtc(deadline.AddDays(-d), at))]);
    }

    /// Everything wrong with a round's dates, in words for the secretariat; empty when they are fine.
    public static IReadOnlyList<string> Validate(DateOnly meeting, RoundDates dates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var errors = new List<string>();
        if (meeting <= LocalDate(now))
        {
            errors.Add("The steering group meeting must be in the future.");
        }
        if (dates.DeadlineAt <= dates.PromptAt)
        {
            errors.Add("The deadline must come after the prompts are sent.");
        }
        if (LocalDate(dates.DeadlineAt) > meeting)
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
        LocalDate(deadline).DayNumber - LocalDate(now).DayNumber;

    /// "Remind me tomorrow": the next London day at the usual sending time.
    public static DateTimeOffset Tomorrow(DateTimeOffset now, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ToUtc(LocalDate(now).AddDays(1), options.SendAtLocalTime);
    }
}
