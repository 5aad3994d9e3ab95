using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OspBot.Common;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

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

/// RFC 5545 invitations (METHOD:REQUEST, and METHOD:CANCEL) with times in Europe/London, written by Ical.Net.
/// The same meeting and stamp give the same file.
public static class IcsInvitation
{
    public const string FileExtension = ".ics";

    private const string Zone = "Europe/London";

    // The UK has changed clocks on the last Sundays of March and October since 1996. Starting the zone's history
    // at a fixed date makes Ical.Net give the same VTIMEZONE whenever it is written (its default starts from the
    // machine's current year), and one that covers any meeting OspBot holds or held.
    private static readonly DateTime ZoneHistoryFrom = new(1998, 1, 1);

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

        var calendar = new Calendar
        {
            ProductId = "-//Oxford Strategic Partnership//OspBot//EN",
            Scale = "GREGORIAN",
            Method = cancel ? "CANCEL" : "REQUEST",
        };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Zone, ZoneHistoryFrom, includeHistoricalData: false));
        calendar.Events.Add(Event(meeting, stamp, cancel));
        return Refold(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static IcalEvent Event(IcsMeeting meeting, DateTimeOffset stamp, bool cancel)
    {
        var utcStamp = stamp.UtcDateTime;
        var e = new IcalEvent
        {
            Uid = meeting.Uid,
            DtStamp = new CalDateTime(utcStamp.AddTicks(-(utcStamp.Ticks % TimeSpan.TicksPerSecond))),
            Sequence = meeting.Sequence,
            DtStart = new CalDateTime(London.Local(meeting.Start), Zone),
            DtEnd = new CalDateTime(London.Local(meeting.End), Zone),
            Summary = Text(meeting.Subject),
            Description = string.IsNullOrWhiteSpace(meeting.Agenda) ? null : Text(meeting.Agenda),
            Location = string.IsNullOrWhiteSpace(meeting.Location) ? null : Text(meeting.Location),
            Organizer = new Organizer($"mailto:{meeting.Organiser.Email}") { CommonName = Name(meeting.Organiser) },
            Status = cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
        };
        foreach (var a in meeting.Attendees)
        {
            e.Attendees.Add(new Attendee($"mailto:{a.Email}")
            {
                CommonName = Name(a),
                Type = "INDIVIDUAL",
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }
        return e;
    }

    /// TEXT may hold no control characters but line breaks and tabs (RFC 5545 section 3.3.11); Ical.Net escapes
    /// the rest (backslash, semicolon, comma, line breaks) but passes control characters through.
    private static string Text(string value) =>
        new([.. value.ReplaceLineEndings("\n").Where(c => c is '\n' or '\t' || !char.IsControl(c))]);

    /// A CN parameter may hold neither DQUOTE nor control characters (section 3.2). Ical.Net writes a parameter
    /// value as given, so a line break in a name would start a property of its own.
    private static string Name(IcsPerson person) =>
        new([.. (person.Name ?? person.Email).Replace('"', '\'').Where(c => !char.IsControl(c))]);

    /// Folds every content line at 75 octets between whole characters (section 3.1). Ical.Net 5.2.4 counts each
    /// UTF-16 unit on its own and can fold between the two halves of a surrogate pair, which UTF-8 cannot encode
    /// (an emoji would arrive as two replacement characters), so its folds are undone and redone here.
    internal static string Refold(string ics)
    {
        var folded = new StringBuilder(ics.Length + (ics.Length / 64));
        foreach (var line in ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > 75)
                {
                    folded.Append("\r\n ");
                    octets = 1; // the leading space of the continuation line counts
                }
                folded.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }
            folded.Append("\r\n");
        }
        return folded.ToString();
    }
}
