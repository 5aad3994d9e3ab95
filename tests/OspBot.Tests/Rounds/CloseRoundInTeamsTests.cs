using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Outbox;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

/// Issue 13: the round's whole lifecycle in Teams. Before the deadline the status card offers no Reopen (the lead can
/// still change a submitted update) and Reopen is refused; the secretariat closes the round with the card's button or
/// "close round"; a late update is then refused, naming whom to ask; the digest goes out once, however often it is closed.
public sealed class CloseRoundInTeamsTests
{
    [Fact]
    public async Task Closing_refuses_late_updates_and_sends_the_digest_once_and_reopen_waits_for_the_deadline()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.SayAsync(LeadA, "hi", ct);
        var roundId = await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = (await wire.SayAsync(LeadA, "my update", ct))[0];
        var submit = CardData.Of(prompt, RoundVerbs.Submit)
            .With("achievements", "Hub opened").With("plans", "Two more").With("challenges", "Funding").With("rag", "green");
        var summary = await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, submit, ct);
        Assert.True(CardData.Has(summary, RoundVerbs.Edit));

        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct));
        Assert.False(CardData.Has(status, RoundVerbs.Reopen));
        Assert.True(CardData.Has(status, RoundVerbs.CloseRound));
        var early = await wire.ExecuteAsync(Sec, RoundVerbs.Reopen, CardData.Of(summary, RoundVerbs.Edit), ct);
        Assert.Contains("nothing to reopen yet", early.GetRawText(), StringComparison.Ordinal);

        // The secretariat closes the round by typing; the status card says so and offers no more round actions.
        var closed = Assert.Single(await wire.SayAsync(Sec, "close round", ct));
        Assert.Contains("Closed", closed.GetRawText(), StringComparison.Ordinal);
        Assert.False(CardData.Has(closed, RoundVerbs.CloseRound));
        Assert.False(CardData.Has(closed, RoundVerbs.RemindGroup));
        await wire.DispatchAsync(ct);
        var digests = wire.ProactiveTo(Sec).Count(c => c.GetRawText().Contains(": digest.", StringComparison.Ordinal));
        Assert.Equal(1, digests);

        // Closing again, by the button or by typing, changes nothing and sends nothing more.
        await wire.ExecuteAsync(Sec, RoundVerbs.CloseRound, new() { ["roundId"] = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        var none = Assert.Single(await wire.SayAsync(Sec, "close round", ct));
        Assert.Contains("No round is open", none.GetRawText(), StringComparison.Ordinal);
        await wire.DispatchAsync(ct);
        Assert.Equal(digests, wire.ProactiveTo(Sec).Count(c => c.GetRawText().Contains(": digest.", StringComparison.Ordinal)));
        var perReader = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Deliveries
            .Where(d => d.RoundId == roundId && d.Kind == DeliveryKind.Digest).GroupBy(d => d.PersonId).Select(g => g.Count()).ToListAsync(ct));
        Assert.NotEmpty(perReader);
        Assert.All(perReader, n => Assert.Equal(1, n));

        // A late resubmission from the summary's Edit is refused, naming the secretariat to ask.
        var refused = await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, CardData.Of(summary, RoundVerbs.Edit)
            .With("achievements", "Late news").With("plans", "Two more").With("challenges", "Funding").With("rag", "green"), ct);
        Assert.Contains("closed", refused.GetRawText(), StringComparison.Ordinal);
        var secretariat = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.IsSecretariat && !p.IsVacant).Select(p => p.Name).FirstAsync(ct));
        Assert.Contains(secretariat, refused.GetRawText(), StringComparison.Ordinal);
    }
}
