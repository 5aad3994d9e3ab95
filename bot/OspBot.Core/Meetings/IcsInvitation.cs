using System.Globalization;
using System.Text;
using OspBot.Common;

namespace OspBot.Meetings;

public sealed record IcsPerson(string Email, string? Name = null);

/// A meeting as an iCalendar invitation. Uid stays the same for the meeting's life; Sequence goes up each
/// time it moves or is cancelled, so calendars replace the earlier copy instead of adding another.
public sealed record IcsMeeting
{
    public required string Uid { get; init; }
    public int Sequence { get; init; }
    public required string Subject { get; init; }
    public string? Agenda { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required IcsPerson Organiser { get; init; }
    public required IReadOnlyList<IcsPerson> Attendees { get; init; }
    public string? Location { get; init; }
}

/// Writes RFC 5545 invitations (METHOD:REQUEST, and METHOD:CANCEL) with times in Europe/London. Pure.
public static class IcsInvitation
{
    public const string FileExtension = ".ics";

    public static string ContentType(bool cancel = false) => $"text/calendar; charset=utf-8; method={(cancel ? "CANCEL" : "REQUEST")}";

    /// A UID that stays the same for a meeting, from our own meeting id.
    public static string UidFor(string meetingId) => $"ospbot-meeting-{meetingId}@ospbot";

    public static string Request(IcsMeeting meeting, DateTimeOffset stamp) => Write(meeting, stamp, cancel: false);

    public static string Cancel(IcsMeeting meeting, DateTimeOffset stamp) => Write(meeting, stamp, cancel: true);

    private static string Write(IcsMeeting meeting, DateTimeOffset stamp, bool cancel)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.End <= meeting.Start)
        {
            throw new ArgumentException("The meeting ends before it starts.", nameof(meeting));
        }
        var people = meeting.Attendees.Append(meeting.Organiser);
        if (people.FirstOrDefault(p => !MeetingRules.IsEmail(p.Email)) is { } bad)
        {
            throw new ArgumentException($"'{bad.Email}' is not an e-mail address.", nameof(meeting));
        }

        var ics = new StringBuilder();
        void Line(string text) => IcsText.AppendLine(ics, text);
        Line("BEGIN:VCALENDAR");
        Line("PRODID:-//Oxford Strategic Partnership//OspBot//EN");
        Line("VERSION:2.0");
        Line("CALSCALE:GREGORIAN");
        Line(cancel ? "METHOD:CANCEL" : "METHOD:REQUEST");
        foreach (var tz in LondonTimeZone)
        {
            Line(tz);
        }
        Line("BEGIN:VEVENT");
        Line($"UID:{IcsText.Escape(meeting.Uid)}");
        Line($"DTSTAMP:{stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        Line($"SEQUENCE:{meeting.Sequence.ToString(CultureInfo.InvariantCulture)}");
        Line($"DTSTART;TZID=Europe/London:{LocalTime(meeting.Start)}");
        Line($"DTEND;TZID=Europe/London:{LocalTime(meeting.End)}");
        Line($"SUMMARY:{IcsText.Escape(meeting.Subject)}");
        if (!string.IsNullOrWhiteSpace(meeting.Agenda))
        {
            Line($"DESCRIPTION:{IcsText.Escape(meeting.Agenda)}");
        }
        if (!string.IsNullOrWhiteSpace(meeting.Location))
        {
            Line($"LOCATION:{IcsText.Escape(meeting.Location)}");
        }
        Line($"ORGANIZER;CN={IcsText.Quoted(meeting.Organiser.Name ?? meeting.Organiser.Email)}:mailto:{meeting.Organiser.Email}");
        foreach (var a in meeting.Attendees)
        {
            Line($"ATTENDEE;CN={IcsText.Quoted(a.Name ?? a.Email)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{a.Email}");
        }
        Line(cancel ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        Line("TRANSP:OPAQUE");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    private static string LocalTime(DateTimeOffset instant) =>
        London.Local(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    // UK rules since 1996: BST from 01:00 GMT on the last Sunday of March to 01:00 GMT (02:00 BST) on the
    // last Sunday of October. DTSTART of each part is local time before the change, as RFC 5545 requires.
    private static readonly string[] LondonTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
}
