using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OspBot.Graph;
using OspBot.Mail;
using OspBot.Outbox;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;

namespace OspBot.Tests.Mail;

/// Issue 16: e-mail through Microsoft Graph sendMail, the real SDK over real HTTP against the loopback Graph stub.
public sealed class GraphSendMailTests
{
    private static readonly OutgoingMail Mail = new("Ann Partner", "ann@police.example", "Reminder: Quarterly review",
        "<!DOCTYPE html><html lang=\"en-GB\"><body><h1>Reminder</h1><p>Ann &amp; co</p></body></html>", "Reminder\n\nAnn & co")
    {
        Attachments = [new MailAttachment("osp-meeting-7.ics", "text/calendar; method=REQUEST", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))],
        Reference = "meeting-reminder:7:3:60",
    };

    internal static GraphMailTransport Transport(GraphStub stub, int maxRetries = 2) =>
        new(GraphClients.Create(stub.Options(maxRetries), new FakeCredential()), Options.Create(stub.Options(maxRetries)),
            Options.Create(new MailOptions()), new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero)),
            NullLogger<GraphMailTransport>.Instance);

    private static Task<bool> Go(CancellationToken ct) => Task.FromResult(true);

    [Fact]
    public async Task The_request_is_one_sendMail_from_the_organiser_mailbox_with_text_html_and_the_ics_in_MIME()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Empty(202);

        var outcome = await Transport(stub).SendAsync(Mail, Go, ct);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/v1.0/users/secretariat@osp.test/sendMail"), (request.Method, request.Path));
        Assert.StartsWith("text/plain", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal($"Bearer {FakeCredential.Token}", request.Header("Authorization"));
        var mime = MimeMessage.Load(new MemoryStream(Convert.FromBase64String(request.Body)), ct);
        Assert.Equal(("Oxford Strategic Partnership (Oxford City Council)", "secretariat@osp.test"),
            (mime.From.Mailboxes.Single().Name, mime.From.Mailboxes.Single().Address));
        Assert.Equal(("Ann Partner", "ann@police.example"), (mime.To.Mailboxes.Single().Name, mime.To.Mailboxes.Single().Address));
        Assert.Equal("Reminder: Quarterly review", mime.Subject);
        Assert.Equal("Reminder\n\nAnn & co", mime.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal(Mail.Html, mime.HtmlBody!.TrimEnd());
        var ics = Assert.Single(mime.Attachments.OfType<MimePart>());
        Assert.Equal(("osp-meeting-7.ics", "text/calendar"), (ics.FileName, ics.ContentType.MimeType));
        Assert.Equal(Mail.Reference, mime.Headers["X-OspBot-Delivery"]);
    }

    [Fact]
    public async Task Throttled_and_unavailable_answers_are_retried_and_the_e_mail_goes_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, n) => n switch
        {
            0 => StubReply.Error(429, "ApplicationThrottled", ("Retry-After", "0")),
            1 => StubReply.Error(503, "ServiceUnavailable", ("Retry-After", "0")),
            _ => StubReply.Empty(202),
        };

        var outcome = await Transport(stub).SendAsync(Mail, Go, ct);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Single(stub.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Still_throttled_after_the_retries_it_goes_back_to_the_outbox_for_after_Retry_After()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, n) => StubReply.Error(429, "ApplicationThrottled", ("Retry-After", n < 2 ? "0" : "120"));

        var outcome = await Transport(stub).SendAsync(Mail, Go, ct);

        var failed = Assert.IsType<SendOutcome.Failed>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), failed.RetryAfter);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Forbidden_is_not_retried_and_says_what_the_administrator_must_grant()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Error(403, "ErrorAccessDenied");

        var outcome = await Transport(stub).SendAsync(Mail, Go, ct);

        var refused = Assert.IsType<SendOutcome.Unreachable>(outcome);
        Assert.StartsWith(DeliveryReasons.EmailRefused, refused.Reason, StringComparison.Ordinal);
        Assert.Contains("Mail.Send", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("secretariat@osp.test", refused.Reason, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Withdrawn_before_it_leaves_nothing_reaches_Graph()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);

        var outcome = await Transport(stub).SendAsync(Mail, _ => Task.FromResult(false), ct);

        Assert.IsType<SendOutcome.Withdrawn>(outcome);
        Assert.Empty(stub.Requests);
    }
}
