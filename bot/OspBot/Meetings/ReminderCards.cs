using System.Globalization;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Common;

namespace OspBot.Meetings;

/// Maps MeetingReminderView (Core) to the reminder card (Cards). Pure.
internal static class ReminderCards
{
    public static AdaptiveCard Reminder(MeetingReminderView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReminderCard.Build(new MeetingReminderModel
        {
            MeetingId = Id(view.MeetingId),
            Title = view.Title,
            GroupName = view.GroupName,
            When = view.When,
            HowSoon = HowSoon(now, view.Start),
            JoinUrl = Uri.TryCreate(view.JoinUrl, UriKind.Absolute, out var join) && join.Scheme == Uri.UriSchemeHttps ? join : null,
            Agenda = view.Agenda,
            RoundId = view.RoundId is { } r ? Id(r) : null,
            QuarterLabel = view.QuarterLabel,
            PackUrl = view.PackUrl,
            ApologiesSent = view.ApologiesSent,
        });
    }

    /// London calendar days from now to the meeting: "today", "tomorrow", "in 7 days".
    public static string HowSoon(DateTimeOffset now, DateTimeOffset start) =>
        (London.Date(start).DayNumber - London.Date(now).DayNumber) switch
        {
            <= 0 => "today",
            1 => "tomorrow",
            var days => string.Create(CultureInfo.InvariantCulture, $"in {days} days"),
        };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
