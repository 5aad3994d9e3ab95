using Microsoft.Extensions.DependencyInjection;
using OspBot.Mail;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Mail;

/// Issue 16: what went by e-mail, and what the mail service refused, is on the secretariat's status card; the
/// secretariat chooses each person's channel on the directory card.
public sealed class MailStatusCardTests
{
    [Fact]
    public async Task The_status_card_says_sent_by_e_mail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await MailWire.StartAsync(MailWire.NewFolder());
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);

        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();

        var (_, email) = await MailWire.PersonAsync(wire, LeadA, ct);
        Assert.Contains("Sent by e-mail", status, StringComparison.Ordinal);
        Assert.Contains("sent by e-mail", status, StringComparison.Ordinal);
        Assert.DoesNotContain(email, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_refusing_to_send_is_shown_to_the_secretariat_with_what_to_grant()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Error(403, "ErrorAccessDenied");
        await using var wire = await StartAsync(s => s.AddSingleton<IMailTransport>(GraphSendMailTests.Transport(stub)), ("Mail:TenantDomains:0", "oxford.gov.uk"));
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);

        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();

        var prompt = Assert.Single(await MailWire.DeliveriesToAsync(wire, LeadA, DeliveryKind.Prompt, ct));
        Assert.Equal((DeliveryState.Unreachable, DeliveryChannel.Email), (prompt.State, prompt.Channel));
        Assert.Contains("refused to send mail from secretariat@osp.test (403", status, StringComparison.Ordinal);
        Assert.Contains("Mail.Send", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent by e-mail", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_sets_a_persons_channel_on_the_directory_card_and_e_mail_needs_an_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await MailWire.StartAsync(MailWire.NewFolder());
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        var (id, _) = await MailWire.PersonAsync(wire, LeadA, ct);
        var person = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var set = await wire.ExecuteAsync(Sec, "directory.setChannel", new() { ["channelPerson"] = person, ["channel"] = "Email" }, ct);
        var channelAfterSet = await ChannelAsync(wire, ct);
        await wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspBot.Data.OspDbContext>();
            (await db.People.FindAsync([id], ct))!.Email = null;
            return await db.SaveChangesAsync(ct);
        });
        var refused = await wire.ExecuteAsync(Sec, "directory.setChannel", new() { ["channelPerson"] = person, ["channel"] = "TeamsThenEmail" }, ct);
        var automatic = await wire.ExecuteAsync(Sec, "directory.setChannel", new() { ["channelPerson"] = person, ["channel"] = "automatic" }, ct);
        var byLead = await wire.ExecuteAsync(LeadA, "directory.setChannel", new() { ["channelPerson"] = person, ["channel"] = "Teams" }, ct);

        Assert.Equal(ContactChannel.Email, channelAfterSet);
        Assert.Contains("now reaches", set.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("has no e-mail address", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Automatic", automatic.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("now reaches", byLead.GetRawText(), StringComparison.Ordinal);
        Assert.Null(await ChannelAsync(wire, ct));
    }

    private static Task<ContactChannel?> ChannelAsync(OspBot.Tests.Rounds.RoundsWire wire, CancellationToken ct) =>
        wire.InScopeAsync(async sp => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<OspBot.Data.OspDbContext>().People, p => p.EntraObjectId == LeadA.Aad, ct)).Channel);
}
