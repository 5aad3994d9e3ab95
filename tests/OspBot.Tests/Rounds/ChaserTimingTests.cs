using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

public sealed class ChaserTimingTests
{
    [Fact]
    public async Task A_round_opened_after_its_chaser_dates_sends_the_prompt_but_no_chaser_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new OspBotApp().With("Jobs:Outbox:DispatchEnabled", "false");
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<RoundAdmin>();
        var planner = scope.ServiceProvider.GetRequiredService<RoundDeliveryPlanner>();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();

        // Ten days before the meeting, with the defaults: prompts were due 11 days ago, the deadline is in 3 days,
        // and the first chaser (7 days before the deadline) fell 4 days ago, before the round even existed.
        var opened = await admin.OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest
        {
            MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
        }, ct);
        Assert.IsType<RoundResult.Done>(opened);
        var round = await db.Rounds.AsNoTracking().SingleAsync(ct);
        Assert.Contains(round.ChaserAts, c => c < round.OpenedAt);

        await planner.ScheduleDueAsync(ct);

        Assert.False(await db.Deliveries.AnyAsync(d => d.Kind == DeliveryKind.Chaser, ct));
        Assert.True(await db.Deliveries.AnyAsync(d => d.Kind == DeliveryKind.Prompt, ct));
    }
}
