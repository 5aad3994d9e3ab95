using System.Text;
using MimeKit;
using OspBot.Mail;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;
using IcalCalendar = Ical.Net.Calendar;

namespace OspBot.Tests.Mail;

/// Issue 16: a meeting invitation as the composer builds it (IcsInvitation's REQUEST .ics attached) sent through Graph
/// sendMail against the loopback stub: the one request carries from, to, subject, both bodies and the .ics, which
/// Ical.Net reads back as the same meeting.
public sealed class GraphInvitationMailTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_invitation_goes_as_one_sendMail_whose_ics_reads_back_as_the_meeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Empty(202);
        var ics = IcsInvitation.Request(new IcsMeeting
        {
            Uid = IcsInvitation.UidFor("7"),
            Subject = "Quarterly meeting",
            Start = Start,
            End = Start.AddHours(1),
            Organiser = new IcsPerson("secretariat@osp.test", "Oxford Strategic Partnership"),
            Attendees = [new IcsPerson("cat@police.example", "Cat Partner")],
        }, Start.AddDays(-30));
        var sent = new OutgoingMail("Cat Partner", "cat@police.example", "Invitation: Quarterly meeting",
            "<!DOCTYPE html><html lang=\"en-GB\"><body><p>You are invited.</p></body></html>", "You are invited.")
        {
            Reference = "meeting-invite:7:3",
            Attachments = [new MailAttachment("invitation" + IcsInvitation.FileExtension, IcsInvitation.ContentType(), Encoding.UTF8.GetBytes(ics))],
        };

        var outcome = await GraphSendMailTests.Transport(stub).SendAsync(sent, _ => Task.FromResult(true), ct);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/v1.0/users/secretariat@osp.test/sendMail"), (request.Method, request.Path));
        var mime = MimeMessage.Load(new MemoryStream(Convert.FromBase64String(request.Body)), ct);
        Assert.Equal("secretariat@osp.test", mime.From.Mailboxes.Single().Address);
        Assert.Equal(("Cat Partner", "cat@police.example"), (mime.To.Mailboxes.Single().Name, mime.To.Mailboxes.Single().Address));
        Assert.Equal("Invitation: Quarterly meeting", mime.Subject);
        Assert.Equal("You are invited.", mime.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal(sent.Html, mime.HtmlBody!.TrimEnd());
        var part = Assert.Single(mime.Attachments.OfType<MimePart>());
        Assert.Equal(("invitation.ics", "text/calendar", "REQUEST"), (part.FileName, part.ContentType.MimeType, part.ContentType.Parameters["method"]));
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content, ct);
        // Byte for byte as written, CRLFs included (RFC 5545 3.1): the attachment travels in base64.
        Assert.Equal(Encoding.UTF8.GetBytes(ics), content.ToArray());
        var calendar = IcalCalendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(("REQUEST", "Quarterly meeting", "ospbot-meeting-7@ospbot"), (calendar.Method, meeting.Summary, meeting.Uid));
        Assert.Equal(Start.UtcDateTime, meeting.DtStart!.AsUtc);
        Assert.Equal("mailto:cat@police.example", Assert.Single(meeting.Attendees).Value?.ToString());
    }
}
