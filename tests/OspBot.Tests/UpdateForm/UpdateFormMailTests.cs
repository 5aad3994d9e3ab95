using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OspBot.Data;
using OspBot.Mail;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Mail;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.UpdateForm;

/// Issue 16: the prompt, the chaser and the "editing window closes" notice each carry the person's own link to their
/// sub-group's update form (read back from the .eml files with MimeKit), and the link opens that form.
public sealed class UpdateFormMailTests
{
    [Fact]
    public async Task Prompt_chaser_and_closing_notice_e_mails_carry_the_persons_own_form_link()
    {
        var ct = TestContext.Current.CancellationToken;
        var pickup = MailWire.NewFolder();
        await using var wire = await MailWire.StartAsync(pickup);
        await wire.LinkAsync(ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var (personA, emailA) = await MailWire.PersonAsync(wire, LeadA, ct);
        var (personB, emailB) = await MailWire.PersonAsync(wire, LeadB, ct);
        var (updateA, updateB, deadline) = await UpdatesAsync(wire, personA, personB, ct);

        await wire.InScopeAsync(sp => sp.GetRequiredService<UpdateEditor>().RemindMeTomorrowAsync(Actor.FromPerson(personA), updateA, ct));
        wire.Clock.Advance(TimeSpan.FromDays(1));
        await wire.DispatchAsync(ct);
        wire.Clock.Advance(deadline - TimeSpan.FromDays(1) - wire.Clock.GetUtcNow());
        await wire.DispatchAsync(ct);

        var toA = MailWire.To(pickup, emailA);
        Assert.Equal(3, toA.Count);
        Assert.Single(toA, m => m.Subject!.Contains("is open", StringComparison.Ordinal));
        Assert.Single(toA, m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Single(toA, m => m.Subject!.Contains("editing window", StringComparison.Ordinal));
        foreach (var mail in toA)
        {
            Assert.Equal(personA, await VerifiedAsync(wire, mail, updateA, ct));
        }
        var toB = MailWire.To(pickup, emailB)[0];
        Assert.Equal(personB, await VerifiedAsync(wire, toB, updateB, ct));
        using var opened = await wire.Client.GetAsync(UpdateFormSite.LinkIn(toA[^1]).PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("update for Q3 2026/27", await opened.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    /// The person the mail's form link is signed for, checked to point at this update.
    private static Task<int?> VerifiedAsync(RoundsWire wire, MimeMessage mail, int updateId, CancellationToken ct)
    {
        var link = UpdateFormSite.LinkIn(mail);
        Assert.Equal($"{UpdateFormLinks.Path}/{updateId}", link.AbsolutePath);
        var token = QueryHelpers.ParseQuery(link.Query)["t"].ToString();
        return wire.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UpdateFormLinks>().Verify(updateId, token)));
    }

    private static Task<(int A, int B, DateTimeOffset Deadline)> UpdatesAsync(RoundsWire wire, int personA, int personB, CancellationToken ct) =>
        wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            async Task<int> UpdateOf(int person) => await db.Deliveries.AsNoTracking()
                .Where(d => d.PersonId == person && d.Kind == DeliveryKind.Prompt).Select(d => d.SubGroupUpdateId!.Value).SingleAsync(ct);
            return (await UpdateOf(personA), await UpdateOf(personB), await db.Rounds.Select(r => r.DeadlineAt).SingleAsync(ct));
        });
}
