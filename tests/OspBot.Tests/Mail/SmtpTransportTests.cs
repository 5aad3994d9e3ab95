using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OspBot.Mail;
using OspBot.Outbox;

namespace OspBot.Tests.Mail;

/// Issue 16: SMTP through a loopback relay (the whole message as sent, a refusal final, a deferral tried again), which
/// transport configuration chooses, and a bad mail setting stopping the start with the setting's name.
public sealed class SmtpTransportTests
{
    private static readonly OutgoingMail Mail = new("Ann Partner", "ann@police.example", "Your quarterly update", "<p>Hello <b>Ann</b></p>", "Hello Ann")
    {
        Reference = "prompt:7:42",
        Attachments = [new MailAttachment("invitation.ics", "text/calendar; method=REQUEST", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))],
    };

    [Fact]
    public async Task The_relay_receives_the_whole_message_from_the_council()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var relay = SmtpStub.Start();
        var asked = 0;

        var outcome = await Transport(relay).SendAsync(Mail, _ => Task.FromResult(++asked > 0), ct);

        Assert.Equal("smtp:2.0.0 Ok: queued as STUB1", Assert.IsType<SendOutcome.Sent>(outcome).ActivityId);
        Assert.Equal(1, asked);
        var (from, to, data) = Assert.Single(relay.Received);
        Assert.Equal(("<osp@oxford.gov.uk>", "<ann@police.example>"), (from.Split(' ')[0], Assert.Single(to)));
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(data)), ct);
        Assert.Equal(("Your quarterly update", "Oxford Strategic Partnership (Oxford City Council)"), (message.Subject, message.From.Mailboxes.Single().Name));
        Assert.Equal("prompt:7:42", message.Headers["X-OspBot-Delivery"]);
        Assert.Equal("Hello Ann", message.TextBody?.Trim());
        Assert.Contains("<b>Ann</b>", message.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Equal("invitation.ics", Assert.Single(message.Attachments).ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_refused_recipient_is_final_and_a_deferred_one_is_tried_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var relay = SmtpStub.Start();

        relay.RcptReply = "550 5.1.1 No such user";
        var refused = await Transport(relay).SendAsync(Mail, _ => Task.FromResult(true), ct);
        relay.RcptReply = "451 4.3.0 Try again later";
        var deferred = await Transport(relay).SendAsync(Mail, _ => Task.FromResult(true), ct);

        Assert.StartsWith(DeliveryReasons.EmailRefused, Assert.IsType<SendOutcome.Unreachable>(refused).Reason, StringComparison.Ordinal);
        Assert.Contains("550", ((SendOutcome.Unreachable)refused).Reason, StringComparison.Ordinal);
        Assert.Contains("451", Assert.IsType<SendOutcome.Failed>(deferred).Error, StringComparison.Ordinal);
        Assert.Empty(relay.Received);
    }

    [Theory]
    [InlineData("graph", "GraphMailTransport")]
    [InlineData("smtp", "SmtpTransport")]
    [InlineData("none", "PickupFolderTransport")]
    public void Configuration_chooses_the_transport_Graph_first_then_SMTP_then_the_pickup_folder(string configured, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = configured == "none" ? null : "relay.example" };
        if (configured == "graph")
        {
            settings["Graph:TenantId"] = "00000000-0000-0000-0000-000000000001";
            settings["Graph:ClientId"] = "00000000-0000-0000-0000-000000000002";
            settings["Graph:ClientSecret"] = "secret";
            settings["Graph:OrganiserMailbox"] = "secretariat@osp.test";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMailServices();
        builder.Services.AddLogging();

        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IMailTransport>().GetType().Name);
    }

    [Fact]
    public async Task A_bad_sender_address_stops_the_start_naming_the_setting()
    {
        // A host of the mail services alone: through WebApplicationFactory a failed start can surface as the
        // factory's own ObjectDisposedException, depending on which thread loses the race to dispose the host.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:FromAddress"] = "not an address" });
        builder.AddMailServices();
        builder.Services.AddLogging();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("FromAddress", error.Message, StringComparison.Ordinal);
    }

    private static SmtpTransport Transport(SmtpStub relay) => new(
        Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = relay.Port, UseTls = false } }),
        new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero)));
}
