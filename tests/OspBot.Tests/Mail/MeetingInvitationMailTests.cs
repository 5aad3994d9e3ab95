using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using OspBot.Meetings;
using OspBot.Outbox;
using IcalCalendar = Ical.Net.Calendar;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Mail;

/// Issue 16: without a calendar (Graph) to invite them, a member reached by e-mail gets the meeting's invitation by
/// e-mail with the .ics attached (read back with Ical.Net), once; members reached in Teams get no e-mail. When the
/// meeting moves they get it again with its SEQUENCE up; when it is cancelled, a cancellation, so their calendar
/// follows OspBot's.
public sealed class MeetingInvitationMailTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_partner_reached_by_e_mail_gets_the_invitation_with_the_ics_attached_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.People.Where(p => p.Name == "Cat")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "cat@police.example"), ct));
        var scheduled = await world.ScheduleAsync(world.TestGroupId, DateTimeOffset.Parse("2026-11-02T10:00:00Z", CultureInfo.InvariantCulture), ct);

        await world.DispatchAsync(ct);
        await world.DispatchAsync(ct);

        var mail = Assert.Single(await MailsAsync(world, "Invitation:", ct));
        Assert.Equal("cat@police.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Invitation: Quarterly meeting, Mon 2 Nov 2026 10:00–11:00 (London time)", mail.Subject);
        MailChannelTests.AssertAccessibleMail(mail, "Oxford Strategic Partnership (Oxford City Council)");
        Assert.Contains("Send apologies for Quarterly meeting: http", mail.TextBody, StringComparison.Ordinal);
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(("text/calendar", "REQUEST"), (part.ContentType.MimeType, part.ContentType.Parameters["method"]));
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content, ct);
        var ics = Encoding.UTF8.GetString(content.ToArray());
        // RFC 5545 3.1: content lines end in CRLF. The attachment must arrive byte for byte as written, whatever
        // the mail path does to text line endings.
        Assert.DoesNotMatch("(?<!\r)\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var calendar = IcalCalendar.Load(ics)!;
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Quarterly meeting", invitation.Summary);
        Assert.Equal($"ospbot-meeting-{scheduled.Meeting.MeetingId}@ospbot", invitation.Uid);
        Assert.Equal(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), invitation.DtStart!.AsUtc);
        Assert.Equal("mailto:cat@police.example", Assert.Single(invitation.Attendees).Value?.ToString());
        Assert.Equal("mailto:osp@oxford.gov.uk", invitation.Organizer!.Value?.ToString());
        // The .eml itself is mail on the wire (RFC 5322): CRLF everywhere, whatever the server's platform.
        foreach (var eml in Directory.GetFiles(Path.Combine(world.App.DataDirectory, "mail"), "*.eml"))
        {
            Assert.DoesNotMatch("(?<!\r)\n", await File.ReadAllTextAsync(eml, ct));
        }
        var invites = await world.DbAsync(db => db.Deliveries.AsNoTracking().Include(d => d.Person)
            .Where(d => d.Kind == DeliveryKind.MeetingInvite).ToListAsync(ct));
        Assert.Equal((DeliveryState.Sent, DeliveryChannel.Email), invites.Where(d => d.Person!.Name == "Cat").Select(d => (d.State, d.Channel)).Single());
        Assert.All(invites.Where(d => d.Person!.Name != "Cat"), d => Assert.Equal((DeliveryState.Cancelled, DeliveryChannel.Teams), (d.State, d.Channel)));
    }

    [Fact]
    public async Task A_partner_invited_by_e_mail_is_sent_the_moved_meeting_and_then_its_cancellation_once_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.People.Where(p => p.Name == "Cat")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "cat@police.example"), ct));
        var id = (await world.ScheduleAsync(world.TestGroupId, At("2026-11-02T10:00:00Z"), ct)).Meeting.MeetingId;
        await world.DispatchAsync(ct);

        var moved = await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam,
            new MoveMeetingRequest { MeetingId = id, Start = At("2026-11-09T14:00:00Z"), End = At("2026-11-09T15:30:00Z") }, ct));
        await world.DispatchAsync(ct);
        var cancelled = await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Sam, id, "Postponed", ct));
        await world.DispatchAsync(ct);
        await world.DispatchAsync(ct);

        Assert.IsType<MeetingResult<MeetingChange>.Done>(moved);
        Assert.IsType<MeetingResult<MeetingChange>.Done>(cancelled);
        var update = Assert.Single(await MailsAsync(world, "Updated invitation:", ct));
        Assert.Equal("Updated invitation: Quarterly meeting, Mon 9 Nov 2026 14:00–15:30 (London time)", update.Subject);
        Assert.Contains("has moved; this invitation replaces the earlier one", update.TextBody, StringComparison.Ordinal);
        var (updateMethod, updated) = await CalendarAsync(update, "invitation.ics", ct);
        Assert.Equal(("REQUEST", 1, new DateTime(2026, 11, 9, 14, 0, 0, DateTimeKind.Utc)), (updateMethod, updated.Sequence, updated.DtStart!.AsUtc));
        var cancellation = Assert.Single(await MailsAsync(world, "Cancelled:", ct));
        Assert.Equal("cat@police.example", cancellation.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("Send apologies", cancellation.TextBody, StringComparison.Ordinal);
        var (cancelMethod, withdrawn) = await CalendarAsync(cancellation, "cancellation.ics", ct);
        Assert.Equal(("CANCEL", 2, $"ospbot-meeting-{id}@ospbot"), (cancelMethod, withdrawn.Sequence, withdrawn.Uid));
        Assert.Single(await MailsAsync(world, "Invitation:", ct));
        // Members reached in Teams had no invitation from us, so they get no cancellation either.
        var cancellations = await world.DbAsync(db => db.Deliveries.AsNoTracking().Include(d => d.Person)
            .Where(d => d.Kind == DeliveryKind.MeetingCancelled).ToListAsync(ct));
        Assert.Equal(("Cat", DeliveryState.Sent), cancellations.Select(d => (d.Person!.Name, d.State)).Single());
    }

    private static async Task<(string Method, Ical.Net.CalendarComponents.CalendarEvent Event)> CalendarAsync(MimeMessage mail, string fileName, CancellationToken ct)
    {
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(fileName, part.FileName);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content, ct);
        var calendar = IcalCalendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal(calendar.Method, part.ContentType.Parameters["method"]);
        return (calendar.Method!, Assert.Single(calendar.Events));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    /// The e-mails in the world's pickup folder whose subject starts so.
    internal static async Task<IReadOnlyList<MimeMessage>> MailsAsync(W world, string subjectStart, CancellationToken ct)
    {
        var folder = Path.Combine(world.App.DataDirectory, "mail");
        var all = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToArray() : [])
        {
            all.Add(await MimeMessage.LoadAsync(file, ct));
        }
        return [.. all.Where(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)];
    }
}
