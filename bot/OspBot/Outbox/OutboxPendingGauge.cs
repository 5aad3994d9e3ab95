using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OspBot.Data;
using OspBot.Observability;

namespace OspBot.Outbox;

/// ospbot.outbox.pending: the proactive messages due and not yet sent, and those being sent, read from the database
/// each time metrics are collected (one indexed query a minute by default). Created with the meter provider and
/// disposed with it, so only a host with telemetry on runs the query.
internal sealed class OutboxPendingGauge : IDisposable
{
    public const string StateTag = "ospbot.outbox.state";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Meter _meter = new(OspTelemetry.MeterName);

    public OutboxPendingGauge(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _meter.CreateObservableGauge("ospbot.outbox.pending", Observe, "{message}",
            "Outbox messages due and not yet sent (due), taken by a dispatcher (claimed) and on their way (sending)");
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe()
    {
        // The count's own database command is not worth a span of its own every minute.
        using var quiet = SuppressInstrumentationScope.Begin();
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
            var now = _clock.GetUtcNow();
            var counts = db.Deliveries.AsNoTracking()
                .Where(d => (d.State == DeliveryState.Pending && d.DueAt <= now) || d.State == DeliveryState.Claimed || d.State == DeliveryState.Sending)
                .GroupBy(d => d.State)
                .Select(g => new { State = g.Key, Count = g.LongCount() })
                .ToList();
            return
            [
                Measure(counts.Find(c => c.State == DeliveryState.Pending)?.Count, "due"),
                Measure(counts.Find(c => c.State == DeliveryState.Claimed)?.Count, "claimed"),
                Measure(counts.Find(c => c.State == DeliveryState.Sending)?.Count, "sending"),
            ];
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The database is down: the health check says so; the gauge just has no value this time.
            return [];
        }
    }

    private static Measurement<long> Measure(long? count, string state) =>
        new(count ?? 0, new KeyValuePair<string, object?>(StateTag, state));
}
