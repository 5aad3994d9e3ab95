using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OspBot.Data;
using OspBot.Jobs.Outbox;
using OspBot.Observability;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;
using OspBot.Tests.Rounds;
using Quartz;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Observability;

/// Issue 11: Quartz's own job spans and durations are exported, and the outbox's counters agree with the database:
/// every message queued, sent, left in doubt or failed is counted once, and the pending gauge reads what is due.
[Collection(TelemetryGroup.Name)]
public sealed class JobAndOutboxTelemetryTests
{
    [Fact]
    public async Task A_job_run_is_a_span_with_the_database_commands_it_ran_inside()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var app = telemetry.Attach(new OspBotApp());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);

        await scheduler.TriggerJob(OutboxDispatchJob.Key, ct);
        var run = await telemetry.SpanAsync(s => s.OperationName == Quartz.Diagnostics.OperationName.Job.Execute
            && TelemetryCapture.Tag(s, "quartz.job.name") == OutboxDispatchJob.Key.Name, ct);

        Assert.Equal("succeeded", TelemetryCapture.Tag(run, "quartz.job.result"));
        Assert.Contains(telemetry.Spans(DbCommandTelemetry.SpanName), s => s.TraceId == run.TraceId);
        await JobDurationAsync(telemetry, app.Services, ct);
    }

    [Fact]
    public async Task Outbox_counters_follow_a_prompt_sent_one_refused_then_in_doubt_and_those_nobody_can_receive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var wire = await StartAsync(telemetry.Services, [.. telemetry.Settings, ("Connector:MaxRetries", "0")]);
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.SayAsync(LeadB, "hi", ct);

        await wire.OpenRoundAsync(ct);
        TelemetryCapture.Flush(wire.App.Services);
        var queued = await CountAsync(wire, null, ct);
        Assert.True(queued > 2);
        Assert.Equal(queued, telemetry.Sum("ospbot.outbox.queued", (OutboxTelemetry.KindTag, "Prompt")));
        Assert.Equal(queued, Pending(telemetry, "due"));

        // LeadA's prompt goes; Teams throttles LeadB's (tried again later); the rest are not reachable in Teams.
        var leadB = Uri.EscapeDataString(LeadB.ConversationId);
        wire.Connector.Respond = r => r.Path.Contains(leadB, StringComparison.Ordinal)
            ? (429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
            : (200, """{"id":"prompt-sent"}""");
        await wire.DispatchAsync(ct);
        TelemetryCapture.Flush(wire.App.Services);
        Assert.Equal(1, telemetry.Sum("ospbot.outbox.failed", (OutboxTelemetry.ReasonTag, "retrying")));
        var unreachable = await CountAsync(wire, DeliveryState.Unreachable, ct);
        Assert.True(unreachable > 0);
        Assert.Equal(unreachable, telemetry.Sum("ospbot.outbox.failed", (OutboxTelemetry.ReasonTag, "unreachable")));

        // Later, LeadB's send gets a 500: it may have arrived, so it is never sent again.
        wire.Connector.Respond = r => r.Path.Contains(leadB, StringComparison.Ordinal)
            ? (500, """{"error":{"code":"InternalServerError","message":"oops"}}""")
            : (200, """{"id":"prompt-sent"}""");
        wire.Clock.Advance(TimeSpan.FromMinutes(2));
        await wire.DispatchAsync(ct);
        TelemetryCapture.Flush(wire.App.Services);

        Assert.Equal(1, await CountAsync(wire, DeliveryState.Ambiguous, ct));
        Assert.Equal(1, telemetry.Sum("ospbot.outbox.ambiguous", (OutboxTelemetry.ReasonTag, "no_answer")));
        var sent = await CountAsync(wire, DeliveryState.Sent, ct);
        Assert.True(sent > 0);
        Assert.Equal(sent, telemetry.Sum("ospbot.outbox.sent"));
        Assert.Equal(queued, sent + unreachable + 1);
        Assert.Equal(0, Pending(telemetry, "due"));
        Assert.Equal(0, Pending(telemetry, "sending"));
    }

    /// Quartz records the run's duration as the run ends; the export that follows the span may come a moment before.
    private static Task JobDurationAsync(TelemetryCapture telemetry, IServiceProvider services, CancellationToken ct) =>
        Eventually.TrueAsync(
            () =>
            {
                TelemetryCapture.Flush(services);
                return telemetry.Count("quartz.job.execution.duration", ("quartz.job.name", OutboxDispatchJob.Key.Name)) > 0;
            },
            TimeSpan.FromSeconds(5), "quartz.job.execution.duration recorded for the dispatch job", ct);

    private static long Pending(TelemetryCapture telemetry, string state) =>
        Assert.Single(telemetry.Points("ospbot.outbox.pending", (OutboxPendingGauge.StateTag, state))).GetGaugeLastValueLong();

    private static Task<int> CountAsync(RoundsWire wire, DeliveryState? state, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Deliveries.CountAsync(d => state == null || d.State == state, ct));
}
