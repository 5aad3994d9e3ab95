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
        // Parameters are compared as RFC 5545 reads them (section 3.2): in any order, quoted only when they must be.
        var organiser = Properties(lines, "ORGANIZER").Single();
        Assert.Equal("mailto:secretariat@osp.test", organiser.Value);
        Assert.Equal("OSP 'Secretariat'", organiser.Parameters["CN"]); // a DQUOTE may not appear in a parameter value
        var attendees = Properties(lines, "ATTENDEE");
        Assert.Equal(["mailto:ana@osp.test", "mailto:ben@osp.test"], attendees.Select(a => a.Value));
        Assert.Equal(new Dictionary<string, string>
        {
            ["CN"] = "Ana Smith",
            ["CUTYPE"] = "INDIVIDUAL",
            ["ROLE"] = "REQ-PARTICIPANT",
            ["PARTSTAT"] = "NEEDS-ACTION",
            ["RSVP"] = "TRUE",
        }, attendees[0].Parameters);
        Assert.Equal("ben@osp.test", attendees[1].Parameters["CN"]);
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
        Assert.Equal(RuleParts("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), RuleParts(daylight.Single(l => l.StartsWith("RRULE:", StringComparison.Ordinal))));
        var standard = zone.SkipWhile(l => l != "BEGIN:STANDARD").TakeWhile(l => l != "END:STANDARD").ToList();
        Assert.Contains("TZOFFSETFROM:+0100", standard);
        Assert.Contains("TZOFFSETTO:+0000", standard);
        Assert.Equal(RuleParts("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), RuleParts(standard.Single(l => l.StartsWith("RRULE:", StringComparison.Ordinal))));
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
    public void A_backslash_in_the_description_is_escaped_and_reads_back_unchanged()
    {
        var agenda = @"Papers in S:\OSP\2026; \n is not a line break" + "\nnext line ends in \\";
        var lines = Unfold(IcsInvitation.Request(Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)) with { Agenda = agenda }, Stamp));

        var description = lines.Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal))["DESCRIPTION:".Length..];
        Assert.Equal(@"Papers in S:\\OSP\\2026\; \\n is not a line break\nnext line ends in \\", description);
        Assert.Equal(agenda, Unescape(description));
    }

    [Fact]
    public void A_name_or_text_cannot_start_a_property_of_its_own()
    {
        var meeting = Meeting(new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)) with
        {
            Subject = "Board\u0007\r\nATTENDEE:mailto:x@evil.test",
            Attendees = [new("ana@osp.test", "Ana\r\nATTENDEE:mailto:x@evil.test"), new("ben@osp.test", "Ben\u0000 \"B\"")],
        };
        var lines = Unfold(IcsInvitation.Request(meeting, Stamp));

        Assert.Equal(["mailto:ana@osp.test", "mailto:ben@osp.test"], Properties(lines, "ATTENDEE").Select(a => a.Value));
        Assert.Equal("AnaATTENDEE:mailto:x@evil.test", Properties(lines, "ATTENDEE")[0].Parameters["CN"]);
        Assert.Equal("Ben 'B'", Properties(lines, "ATTENDEE")[1].Parameters["CN"]);
        Assert.Equal(@"Board\nATTENDEE:mailto:x@evil.test", Properties(lines, "SUMMARY").Single().Value);
        Assert.DoesNotContain(lines, l => l.Any(c => char.IsControl(c) && c != '\t'));
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

    /// A TEXT value read back (section 3.3.11), left to right, so an escaped backslash before an "n" stays two characters.
    private static string Unescape(string text)
    {
        var plain = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                plain.Append(text[i]);
                continue;
            }
            Assert.True(i + 1 < text.Length, $"a lone backslash ends {text}");
            var escaped = text[++i];
            Assert.True(@"\;,nN".Contains(escaped, StringComparison.Ordinal), $"\\{escaped} is no TEXT escape");
            plain.Append(escaped is 'n' or 'N' ? '\n' : escaped);
        }
        return plain.ToString();
    }

    internal sealed record Property(Dictionary<string, string> Parameters, string Value);

    /// Every property of that name: its parameters (unquoted) and its value (section 3.1: the first ':' outside quotes).
    private static List<Property> Properties(List<string> lines, string name) =>
        [.. lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal))
            .Select(l => ReadProperty(l[name.Length..]))];

    private static Property ReadProperty(string rest)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var i = 0;
        for (; i < rest.Length && (quoted || rest[i] != ':'); i++)
        {
            quoted ^= rest[i] == '"';
            if (!quoted && rest[i] == ';')
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(rest[i]);
        }
        parts.Add(current.ToString());
        var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
        return new Property(parameters, rest[(i + 1)..]);
    }

    private static HashSet<string> RuleParts(string rule) => [.. rule.Replace("RRULE:", "", StringComparison.Ordinal).Split(';')];
}
