using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

public sealed class PlannedRoundDispatchTests
{
    // 21 days after RoundsWire.October1: the prompt date is that day.
    private static readonly (string, string) Planned = ("Rounds:SteeringGroupMeetings:0", "2026-10-22");

    [Fact]
    public async Task The_dispatch_job_opens_a_planned_round_once_and_sends_its_prompts_across_runs_and_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(Planned);
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);

        var first = await wire.DispatchAsync(ct);
        var second = await wire.DispatchAsync(ct);
        wire.Restart(Planned);
        var afterRestart = await wire.DispatchAsync(ct);

        var rounds = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Rounds.AsNoTracking().ToListAsync(ct));
        var round = Assert.Single(rounds);
        Assert.Equal((new DateOnly(2026, 10, 22), RoundState.Open), (round.MeetingDate, round.State));
        Assert.True(first > 0);
        Assert.Equal((0, 0), (second, afterRestart));
        Assert.Equal(first, wire.ProactiveTo(LeadA).Count);
        Assert.All(wire.ProactiveTo(LeadA), p => Assert.True(CardData.Has(p, "update.saveDraft")));
    }
}
