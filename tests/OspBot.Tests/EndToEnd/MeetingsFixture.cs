using System.Globalization;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Tests.EndToEnd;

/// The directory fixture, with a reminder that falls due soon after the test books its meeting: the meeting is
/// tomorrow at 12:00 London time, and the one reminder offset (Meetings:ReminderOffsets, counted in London
/// wall-clock time as the product does) puts its reminder <see cref="ReminderLead"/> after the bot starts. The
/// dispatch job, which sends reminders, runs every 5 seconds instead of every minute. Both are ordinary settings.
public sealed class MeetingsFixture : OspDirectoryFixture
{
    /// Time for the playground and Chromium to start and the form to be filled before the reminder is due:
    /// a reminder whose time has passed when the meeting is booked is not sent late.
    public static readonly TimeSpan ReminderLead = TimeSpan.FromSeconds(120);

    public static readonly TimeOnly MeetingTime = new(12, 0);

    public DateOnly MeetingDay { get; private set; }

    public DateTimeOffset ReminderDue { get; private set; }

    protected override IEnumerable<KeyValuePair<string, string?>> BotSettings()
    {
        var now = DateTimeOffset.UtcNow;
        MeetingDay = London.Date(now).AddDays(1);
        ReminderDue = now + ReminderLead;
        var start = MeetingDay.ToDateTime(MeetingTime);
        var due = TimeZoneInfo.ConvertTime(ReminderDue, London.Zone).DateTime;
        var offset = start - due;
        return
        [
            .. base.BotSettings(),
            new("Meetings__ReminderOffsets__0", offset.ToString("c", CultureInfo.InvariantCulture)),
            new("Jobs__Outbox__DispatchCron", "0/5 * * ? * *"),
        ];
    }
}
