using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OspBot.Data;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static Task<List<Delivery>> PromptsAsync(RoundsWire wire, CancellationToken ct) => PromptsAsync(wire, [LeadA], ct);

    private static Task<List<Delivery>> PromptsAsync(RoundsWire wire, TeamsUser[] to, CancellationToken ct)
    {
        var aads = to.Select(u => u.Aad).ToList();
        return wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Kind == DeliveryKind.Prompt && aads.Contains(d.Person!.EntraObjectId!)).ToListAsync(ct));
    }

    [Fact]
    public async Task Each_prompt_is_sent_once_across_runs_and_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);

        var first = await wire.DispatchAsync(ct);
        var second = await wire.DispatchAsync(ct);
        wire.Restart();
        var afterRestart = await wire.DispatchAsync(ct);

        var expected = (await PromptsAsync(wire, ct)).Count;
        Assert.True(expected > 0);
        Assert.Equal((expected, 0, 0), (first, second, afterRestart));
        Assert.Equal(expected, wire.ProactiveTo(LeadA).Count);
        Assert.All(await PromptsAsync(wire, ct), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task A_throttled_send_is_retried_later_and_nothing_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(("Connector:MaxRetries", "1"), ("Connector:BaseDelay", "00:00:00.010"));
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        var throttled = 0;
        wire.Connector.Respond = r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal) && Interlocked.Increment(ref throttled) <= 2
            ? (429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
            : (200, """{"id":"sent-1"}""");

        var first = await wire.DispatchAsync(ct);
        var waiting = (await PromptsAsync(wire, ct)).Where(d => d.State == DeliveryState.Pending).ToList();
        wire.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await wire.DispatchAsync(ct);

        var prompts = await PromptsAsync(wire, ct);
        var retried = Assert.Single(waiting);
        Assert.True(retried.DueAt > wire.Clock.GetUtcNow() - TimeSpan.FromMinutes(2));
        Assert.Equal(prompts.Count, first + later);
        Assert.Equal(1, later);
        Assert.All(prompts, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(prompts.Count + 2, wire.ProactiveTo(LeadA).Count);
    }

    /// Issue 6: a send is marked Sending only when the connector's rate limiter lets it go. Those still queued behind
    /// the limits when the dispatcher stops (or dies) never left, so they are not left in doubt: they go next run.
    [Fact]
    public async Task Sends_still_held_by_the_rate_limiter_when_the_dispatcher_stops_are_not_in_doubt_and_go_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.SayAsync(LeadB, "hi", ct);
        await wire.OpenRoundAsync(ct);
        // One send per ten minutes for the whole app: the first prompt leaves, every other one waits in the limiter.
        wire.Restart(("Connector:AppWindows:0:Permits", "1"), ("Connector:AppWindows:0:Window", "00:10:00"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var dispatch = wire.DispatchAsync(stop.Token);
        await wire.Connector.WaitUntilAsync(_ => wire.ProactiveTo(LeadA).Count + wire.ProactiveTo(LeadB).Count > 0, "the first prompt", ct);
        await Task.Delay(300, ct); // a quiet window: a second prompt the limiter wrongly let through would arrive in it
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);

        var stopped = await PromptsAsync(wire, [LeadA, LeadB], ct);
        Assert.True(stopped.Count >= 2, $"{stopped.Count} prompts");
        Assert.Equal(1, stopped.Count(d => d.State == DeliveryState.Sent));
        Assert.All(stopped.Where(d => d.State != DeliveryState.Sent),
            d => Assert.Equal((DeliveryState.Pending, "Not sent: the bot was stopping."), (d.State, d.LastError)));

        wire.Restart();
        var later = await wire.DispatchAsync(ct);

        Assert.Equal(stopped.Count - 1, later);
        Assert.All(await PromptsAsync(wire, [LeadA, LeadB], ct), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(stopped.Count, wire.ProactiveTo(LeadA).Count + wire.ProactiveTo(LeadB).Count);
    }

    [Fact]
    public async Task A_forbidden_chat_is_recorded_unreachable_and_shown_on_the_status_card()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        wire.Connector.Respond = r => r.Path.Contains(Uri.EscapeDataString(LeadA.ConversationId), StringComparison.Ordinal) && r.Method == "POST"
            ? (403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""")
            : (200, """{"id":"ok"}""");

        Assert.Equal(0, await wire.DispatchAsync(ct));

        Assert.All(await PromptsAsync(wire, ct), d => Assert.Equal(DeliveryState.Unreachable, d.State));
        wire.Connector.Respond = null;
        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();
        Assert.Contains("OspBot was removed", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_that_may_have_arrived_is_never_sent_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var notifier = new Mock<ITeamsNotifier>();
        notifier.Setup(n => n.SendCardAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<JsonElement>(), It.IsAny<string>(),
                It.IsAny<BeforeSend?>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, JsonElement _, string _, BeforeSend? beforeSend, CancellationToken t) =>
                await beforeSend!(t) ? new SendOutcome.Ambiguous("connection reset") : new SendOutcome.Withdrawn());
        await using var wire = await StartAsync(s => s.AddSingleton(notifier.Object));
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);

        await wire.DispatchAsync(ct);
        await wire.DispatchAsync(ct);

        var prompts = await PromptsAsync(wire, ct);
        Assert.All(prompts, d => Assert.Equal(DeliveryState.Ambiguous, d.State));
        notifier.Verify(n => n.SendCardAsync(wire.Connector.ServiceUrl.ToString(), LeadA.ConversationId, It.IsAny<JsonElement>(),
            "Your quarterly update to the OSP is open", It.IsNotNull<BeforeSend?>(), It.IsAny<CancellationToken>()), Times.Exactly(prompts.Count));
        notifier.VerifyNoOtherCalls();
        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();
        Assert.Contains("it may not have arrived (not resent", status, StringComparison.Ordinal);
    }
}
