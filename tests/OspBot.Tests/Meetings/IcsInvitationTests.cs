using System.Text;
using OspBot.Graph;
using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

/// The .ics fallback read back with a small RFC 5545 unfolding parser.
public sealed class IcsInvitationTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static IcsMeeting Meeting(DateTimeOffset start) => new()
    {
        Uid = IcsInvitation.UidFor("42"),
        Sequence = 0,
        Subject = "Board; budget, and \\ review",
        Agenda = "1. Minutes\n2. Zoë's report, café costs; é€😀",
        Start = start,
        End = start.AddMinutes(90),
        Organiser = new IcsPerson("secretariat@osp.test", "OSP \"Secretariat\""),
        Attendees = [new("ana@osp.test", "Ana Smith"), new("ben@osp.test")],
    };

    [Fact]
    public void A_request_has_the_required_calendar_and_event_properties()
    {
        var ics = IcsInvitation.Request(Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)), Stamp);
        var lines = Unfold(ics);

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("UID:ospbot-meeting-42@ospbot", lines);
        Assert.Contains("DTSTAMP:20260302T093000Z", lines);
        Assert.Contains("SEQUENCE:0", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Contains("ORGANIZER;CN=\"OSP 'Secretariat'\":mailto:secretariat@osp.test", lines);
        Assert.Contains("ATTENDEE;CN=\"Ana Smith\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana@osp.test", lines);
        Assert.Contains(lines, l => l.StartsWith("ATTENDEE;CN=\"ben@osp.test\";", StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
    }

    [Fact]
    public void Text_is_escaped_and_reads_back_unchanged()
    {
        var lines = Unfold(IcsInvitation.Request(Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)), Stamp));

        Assert.Contains(@"SUMMARY:Board\; budget\, and \\ review", lines);
        var description = lines.Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.Equal(@"1. Minutes\n2. Zoë's report\, café costs\; é€😀", description["DESCRIPTION:".Length..]);
        Assert.Equal("1. Minutes\n2. Zoë's report, café costs; é€😀", Unescape(description["DESCRIPTION:".Length..]));
    }

    [Fact]
    public void Lines_end_in_CRLF_and_fold_at_75_octets_without_splitting_characters()
    {
        var meeting = Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)) with { Agenda = string.Concat(Enumerable.Repeat("Zoë €😀 ", 40)) };
        var ics = IcsInvitation.Request(meeting, Stamp);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = ics.Split("\r\n")[..^1];
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(physical, l => l.StartsWith(' ')); // the long agenda was folded
        // A split inside a character would leave a lone surrogate, which UTF-8 cannot encode.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(physical, l => strict.GetBytes(l));
        var description = Unfold(ics).Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.Equal(meeting.Agenda, Unescape(description["DESCRIPTION:".Length..]));
    }

    [Theory]
    [InlineData(2026, 4, 1, 9, "20260401T100000", "20260401T113000")]   // BST
    [InlineData(2026, 12, 1, 10, "20261201T100000", "20261201T113000")] // GMT
    public void Times_are_London_wall_clock_with_the_zone(int year, int month, int day, int utcHour, string start, string end)
    {
        var lines = Unfold(IcsInvitation.Request(Meeting(new(year, month, day, utcHour, 0, 0, TimeSpan.Zero)), Stamp));

        Assert.Contains($"DTSTART;TZID=Europe/London:{start}", lines);
        Assert.Contains($"DTEND;TZID=Europe/London:{end}", lines);
    }

    [Fact]
    public void The_London_time_zone_is_defined_with_its_summer_and_winter_rules()
    {
        var lines = Unfold(IcsInvitation.Request(Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)), Stamp));
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();

        Assert.Contains("TZID:Europe/London", zone);
        var daylight = zone.SkipWhile(l => l != "BEGIN:DAYLIGHT").TakeWhile(l => l != "END:DAYLIGHT").ToList();
        Assert.Contains("TZOFFSETFROM:+0000", daylight);
        Assert.Contains("TZOFFSETTO:+0100", daylight);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", daylight);
        var standard = zone.SkipWhile(l => l != "BEGIN:STANDARD").TakeWhile(l => l != "END:STANDARD").ToList();
        Assert.Contains("TZOFFSETFROM:+0100", standard);
        Assert.Contains("TZOFFSETTO:+0000", standard);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", standard);
        Assert.True(lines.IndexOf("BEGIN:VTIMEZONE") < lines.IndexOf("BEGIN:VEVENT"));
    }

    [Fact]
    public void A_cancellation_keeps_the_uid_and_says_cancelled_with_a_higher_sequence()
    {
        var moved = Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)) with { Sequence = 2 };
        var lines = Unfold(IcsInvitation.Cancel(moved, Stamp));

        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("UID:ospbot-meeting-42@ospbot", lines);
        Assert.Equal("text/calendar; charset=utf-8; method=CANCEL", IcsInvitation.ContentType(cancel: true));
    }

    [Fact]
    public void An_invitation_cannot_carry_a_header_injection_through_an_address()
    {
        var meeting = Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)) with { Attendees = [new("ana@osp.test\r\nATTENDEE:mailto:x@evil.test")] };

        Assert.Throws<ArgumentException>(() => IcsInvitation.Request(meeting, Stamp));
    }

    [Fact]
    public void The_fallback_message_says_why_and_what_to_do()
    {
        Assert.Contains("Microsoft Graph is not configured", MeetingInvitationFallback.NotConfigured, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientId", MeetingInvitationFallback.NotConfigured, StringComparison.Ordinal);
        Assert.Contains("Download the .ics", MeetingInvitationFallback.NotConfigured, StringComparison.Ordinal);
    }

    /// RFC 5545 section 3.1: a CRLF followed by one space or tab joins the next line to this one.
    internal static List<string> Unfold(string ics)
    {
        Assert.DoesNotContain("\r\n\r\n", ics, StringComparison.Ordinal);
        return [.. ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string Unescape(string text) =>
        text.Replace(@"\n", "\n", StringComparison.Ordinal).Replace(@"\,", ",", StringComparison.Ordinal)
            .Replace(@"\;", ";", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal);
}
