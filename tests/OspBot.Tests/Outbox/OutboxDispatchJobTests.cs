using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Outbox;

public sealed class OutboxDispatchJobTests
{
    [Fact]
    public async Task Opening_a_round_runs_the_dispatch_job_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(("Jobs:Outbox:DispatchEnabled", "true"));
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);

        await wire.OpenRoundAsync(ct);

        await wire.Connector.WaitUntilAsync(_ => wire.ProactiveTo(LeadA).Count > 0, "a prompt to lead A", ct);
        Assert.NotEmpty(wire.ProactiveTo(LeadA));
    }
}
