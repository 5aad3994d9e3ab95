using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Mail;

/// Issue 16: e-mail goes through the same outbox as Teams, to whoever the directory says, once. Without Graph or SMTP
/// each e-mail is an .eml file in Mail:PickupFolder.
public sealed class MailChannelTests
{
    [Fact]
    public async Task A_partner_OspBot_cannot_reach_in_Teams_gets_the_prompt_once_by_e_mail_in_the_pickup_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var pickup = MailWire.NewFolder();
        await using var wire = await MailWire.StartAsync(pickup);
        await wire.LinkAsync(ct);
        await wire.OpenRoundAsync(ct);   // LeadA (example.org, outside the tenant) has no chat with OspBot

        var sent = await wire.DispatchAsync(ct);
        var again = await wire.DispatchAsync(ct);
        MailWire.Restart(wire, pickup);
        var afterRestart = await wire.DispatchAsync(ct);

        var (_, email) = await MailWire.PersonAsync(wire, LeadA, ct);
        var mail = Assert.Single(MailWire.To(pickup, email));
        var prompt = Assert.Single(await MailWire.DeliveriesToAsync(wire, LeadA, DeliveryKind.Prompt, ct));
        Assert.Equal((DeliveryState.Sent, DeliveryChannel.Email), (prompt.State, prompt.Channel));
        Assert.True(sent > 0);
        Assert.Equal((0, 0), (again, afterRestart));
        Assert.Empty(wire.ProactiveTo(LeadA));
        AssertAccessibleMail(mail, "Oxford Strategic Partnership (Oxford City Council)");
        Assert.Contains("quarterly update for Q3 2026/27 is open", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(prompt.IdempotencyKey, mail.Headers["X-OspBot-Delivery"]);
    }

    [Fact]
    public async Task Each_person_is_reached_by_the_channel_the_directory_gives_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var pickup = MailWire.NewFolder();
        await using var wire = await MailWire.StartAsync(pickup, ("Mail:TenantDomains:0", "example.org"));
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);                              // LeadA has a chat...
        await MailWire.SetChannelAsync(wire, LeadA, ContactChannel.Email, ct); // ...but is to be e-mailed
        await MailWire.SetChannelAsync(wire, LeadB, null, ct);             // LeadB: automatic, inside the tenant, no chat
        await wire.OpenRoundAsync(ct);

        await wire.DispatchAsync(ct);

        var (_, emailA) = await MailWire.PersonAsync(wire, LeadA, ct);
        var (_, emailB) = await MailWire.PersonAsync(wire, LeadB, ct);
        Assert.Single(MailWire.To(pickup, emailA));
        Assert.Empty(wire.ProactiveTo(LeadA));
        Assert.Empty(MailWire.To(pickup, emailB));
        var toB = Assert.Single(await MailWire.DeliveriesToAsync(wire, LeadB, DeliveryKind.Prompt, ct));
        Assert.Equal((DeliveryState.Unreachable, DeliveryChannel.Teams, DeliveryReasons.AppNotInstalled), (toB.State, toB.Channel, toB.LastError));
    }

    [Fact]
    public async Task Teams_then_e_mail_uses_Teams_while_the_chat_works_and_e_mail_only_only_with_an_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var pickup = MailWire.NewFolder();
        await using var wire = await MailWire.StartAsync(pickup);
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await MailWire.SetChannelAsync(wire, LeadA, ContactChannel.TeamsThenEmail, ct);
        await MailWire.SetChannelAsync(wire, LeadB, ContactChannel.Email, ct);
        await wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspBot.Data.OspDbContext>();
            var b = await db.People.SingleAsync(p => p.EntraObjectId == LeadB.Aad, ct);
            b.Email = null;
            return await db.SaveChangesAsync(ct);
        });
        await wire.OpenRoundAsync(ct);

        await wire.DispatchAsync(ct);

        var (_, emailA) = await MailWire.PersonAsync(wire, LeadA, ct);
        Assert.Empty(MailWire.To(pickup, emailA));
        Assert.NotEmpty(wire.ProactiveTo(LeadA));
        var toB = Assert.Single(await MailWire.DeliveriesToAsync(wire, LeadB, DeliveryKind.Prompt, ct));
        Assert.Equal((DeliveryState.Unreachable, DeliveryReasons.NoEmail), (toB.State, toB.LastError));
    }

    /// Plain accessible HTML with a text alternative, from the council's name; no images, no tracking, no scripts.
    internal static void AssertAccessibleMail(MimeMessage mail, string sender)
    {
        Assert.Equal(sender, mail.From.Mailboxes.Single().Name);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body is Multipart { ContentType.MediaSubtype: "mixed" } mixed ? mixed[0] : mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.False(string.IsNullOrWhiteSpace(mail.TextBody));
        Assert.Contains("<html lang=\"en-GB\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }
}
