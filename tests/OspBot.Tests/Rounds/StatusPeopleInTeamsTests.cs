using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Cards;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

/// Issue 13: the status card says, for each sub-group's chair and lead, when they were prompted, how often and when
/// they were chased and by which channel, and when the update arrived, in London time; a seat the directory has not
/// named is shown as a seat, never as a "(placeholder)" person.
public sealed class StatusPeopleInTeamsTests
{
    [Fact]
    public async Task The_status_card_shows_each_lead_prompted_chased_and_when_the_update_arrived()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.SayAsync(LeadA, "hi", ct);
        var roundId = await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = (await wire.SayAsync(LeadA, "my update", ct))[0];
        var ids = CardData.Of(prompt, RoundVerbs.Submit);
        var remind = new JsonObject { ["roundId"] = ids["roundId"]!.GetValue<string>(), ["subGroupId"] = ids["updateId"]!.GetValue<string>() };
        var reminded = await wire.ExecuteAsync(Sec, RoundVerbs.RemindGroup, remind.DeepClone().AsObject(), ct);
        await wire.DispatchAsync(ct);
        await wire.ExecuteAsync(Sec, RoundVerbs.RemindGroup, remind.DeepClone().AsObject(), ct);
        await wire.DispatchAsync(ct);
        await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, ids
            .With("achievements", "Hub opened").With("plans", "Two more").With("challenges", "Funding").With("rag", "green"), ct);

        // The pressed card says at once what Remind now did: the row counts the reminder only once it has gone.
        Assert.Contains("A reminder is on its way to 1 person", reminded.GetRawText(), StringComparison.Ordinal);
        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct));
        var texts = CardQueries.Texts(status).Select(CardQueries.Displayed).ToList();

        var (lead, sent, submittedAt) = await wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            var person = await db.People.SingleAsync(p => p.EntraObjectId == LeadA.Aad, ct);
            var deliveries = await db.Deliveries.Where(d => d.RoundId == roundId && d.PersonId == person.Id && d.State == DeliveryState.Sent)
                .OrderBy(d => d.Id).Select(d => new { d.Kind, d.SentAt }).ToListAsync(ct);
            var update = await db.SubGroupUpdates.SingleAsync(u => u.RoundId == roundId && u.Group!.Key == groupA, ct);
            return (person, deliveries.Select(d => (d.Kind, d.SentAt!.Value)).ToList(), update.SubmittedAt!.Value);
        });
        Assert.Equal([DeliveryKind.Prompt, DeliveryKind.Reminder, DeliveryKind.Reminder], sent.Select(s => s.Kind));
        // The sample directory names this lead "… (placeholder)": the card names the seat by its title instead.
        Assert.True(PersonNames.IsPlaceholder(lead.Name), lead.Name);
        Assert.Contains(
            $"Lead not named yet ({lead.RoleTitle}): prompted {London(sent[0].Item2)} in Teams · 2 chasers, the last {London(sent[2].Item2)}",
            texts);
        Assert.Contains(texts, t => t.StartsWith("Submitted by", StringComparison.Ordinal) && t.EndsWith($"on {London(submittedAt)}", StringComparison.Ordinal));
        Assert.DoesNotContain(PersonNames.PlaceholderMark, status.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // A named chair or lead not linked to Teams in this test is shown by name, and as not reached.
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[^()]+, (chair|lead): not prompted yet$"));
    }

    // London time as table rows write it; the test's UTC instants are an hour behind in October (BST).
    private static string London(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMM yyyy, H:mm", CultureInfo.InvariantCulture);
}
