using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

public sealed class DigestReadTests
{
    [Fact]
    public async Task The_secretariat_reads_a_submitted_update_in_full_from_the_digest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = wire.ProactiveTo(LeadA)[0];
        var draft = await wire.ExecuteAsync(LeadA, "update.saveDraft", CardData.Of(prompt, "update.saveDraft").With("achievements", "We opened the hub"), ct);
        var submit = CardData.Of(draft, "update.submit").With("plans", "More hubs").With("challenges", "Funding").With("rag", "green");
        await wire.ExecuteAsync(LeadA, "update.submit", submit, ct);

        // Past the deadline (26 October) the digest goes to the secretariat.
        wire.Clock.Advance(TimeSpan.FromDays(26));
        await wire.DispatchAsync(ct);

        var digest = Assert.Single(wire.ProactiveTo(Sec), c => c.GetRawText().Contains("Submitted by", StringComparison.Ordinal));
        var read = CardData.Of(digest, "update.read");
        Assert.Equal(submit["updateId"]!.GetValue<string>(), read["updateId"]!.GetValue<string>());
        var full = (await wire.ExecuteAsync(Sec, "update.read", read, ct)).GetRawText();
        Assert.Contains("We opened the hub", full, StringComparison.Ordinal);
        Assert.Contains("More hubs", full, StringComparison.Ordinal);
        Assert.Contains("Funding", full, StringComparison.Ordinal);
    }
}
