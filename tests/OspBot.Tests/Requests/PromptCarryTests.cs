using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OspBot.Outbox;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Requests;

/// Issue 15: next quarter, the sub-group's prompt card shows its open and answered requests ("You asked … — the OSP
/// did …") and asks whether each open one still stands; the lead's answer is a new version of the request.
public sealed class PromptCarryTests
{
    private static readonly FinancialQuarter Q2 = new(2026, 2);

    [Fact]
    public async Task The_next_prompt_card_shows_what_was_asked_and_done_and_takes_the_leads_still_stands_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var q2 = Done(await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 8, 10), Quarter = Q2 }, ct));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 22, 10, 0, 0, TimeSpan.Zero));
        var q2Update = await UpdateIdAsync(world, q2.RoundId, "stronger-communities", ct);
        Saved(await world.Editor().SubmitAsync(W.ScLead, q2Update, UpdatePatch.Replacing(Complete() with { Requests = "• A venue for the summit\n• Data on NEETs by ward" }), 0, ct));
        var requests = Found(await RequestRegisterTests.Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests;
        var venue = requests.Single(r => r.Text == "A venue for the summit");
        var neets = requests.Single(r => r.Text == "Data on NEETs by ward");
        Assert.IsType<RequestResult.Saved>(await RequestRegisterTests.Register(world).ChangeAsync(
            W.Secretariat, venue.Id, new RequestPatch { Status = RequestStatus.Done, Response = "Booked the Town Hall for 4 March" }, venue.Revision, ct));

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero));
        var q3 = await OpenAsync(world, ct);
        var q3Update = await UpdateIdAsync(world, q3.RoundId, "stronger-communities", ct);
        var view = Found(await Editor(world).GetUpdateForEditingAsync(W.ScLead, q3Update, ct));

        Assert.Equal(
            [("A venue for the summit", "Done", "Booked the Town Hall for 4 March", false), ("Data on NEETs by ward", "New", null, true)],
            view.EarlierRequests.Select(r => (r.Text, r.Status, r.Response, r.IsOpen)));
        var card = PersonalCards.Current(view, "29:sc-lead", world.Clock.GetUtcNow()).ToJsonElement();
        OspBot.Tests.Schemas.AdaptiveCardSchema.AssertValid(card);
        // Quotation marks are escaped in the raw JSON; the text blocks' own text is what Teams shows.
        var json = System.Text.RegularExpressions.Regex.Unescape(card.GetRawText());
        Assert.Contains("You asked (Q2 2026/27): “A venue for the summit”", json, StringComparison.Ordinal);
        Assert.Contains("The OSP did: “Booked the Town Hall for 4 March”", json, StringComparison.Ordinal);
        Assert.Contains($"\"stillStands.{neets.Id}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"stillStands.{venue.Id}\"", json, StringComparison.Ordinal);

        // The lead says it no longer stands; someone from another sub-group cannot answer for it.
        var extras = new RequestPromptExtras(world.Db(), world.Clock);
        await extras.RecordStillStandsAsync(W.EdLead, new Dictionary<int, bool> { [neets.Id] = true }, ct);
        await extras.RecordStillStandsAsync(W.ScLead, new Dictionary<int, bool> { [neets.Id] = false }, ct);
        await using var db = world.Db();
        Assert.False(await db.Set<RequestEntry>().Where(r => r.Id == neets.Id).Select(r => r.StillStands).SingleAsync(ct));
        Assert.Equal([null, false], await db.Set<RequestVersion>().Where(v => v.RequestEntryId == neets.Id).OrderBy(v => v.Number).Select(v => v.StillStands).ToListAsync(ct));
        Assert.False(Found(await Editor(world).GetUpdateForEditingAsync(W.ScLead, q3Update, ct)).EarlierRequests.Single(r => r.Id == neets.Id).StillStands);
    }

    private static UpdateEditor Editor(W world)
    {
        var db = world.Db();
        return new UpdateEditor(db, new DeliveryQueue(db), world.Clock, Microsoft.Extensions.Options.Options.Create(world.Options),
            NullLogger<UpdateEditor>.Instance, new RequestPromptExtras(db, world.Clock));
    }
}
