using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OspBot.Observability;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Observability;

/// Telemetry tests read what one app emits. The instruments and the ActivitySource are process-wide, so these tests
/// run alone, after the parallel ones: nothing else in the process is emitting while they read.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGroup
{
    public const string Name = "Telemetry";
}

/// Switches an app's telemetry on the way production does (OTEL_EXPORTER_OTLP_ENDPOINT, here a collector stand-in on
/// loopback that records what the OTLP exporter posts) and adds the in-memory exporter beside it, whose spans and
/// metric snapshots the tests read.
internal sealed class TelemetryCapture : IAsyncDisposable
{
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();
    private LoopbackServer _collector = null!;

    public ConcurrentQueue<(string Path, byte[] Body)> Exported { get; } = new();

    public static async Task<TelemetryCapture> StartAsync(CancellationToken ct)
    {
        var capture = new TelemetryCapture();
        capture._collector = await LoopbackServer.StartAsync(app => app.Run(capture.CollectAsync), ct);
        return capture;
    }

    public OspBotApp Attach(OspBotApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.With(TelemetryExtensions.OtlpEndpointKey, _collector.BaseAddress)
            .With("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithServices(Services);
    }

    public void Services(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
    }

    public (string, string)[] Settings =>
        [(TelemetryExtensions.OtlpEndpointKey, _collector.BaseAddress), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")];

    /// Exports what the app has so far: ended spans, and every instrument's current values.
    public static void Flush(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Assert.True(services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
    }

    public IReadOnlyList<Activity> Spans(string name) => [.. _spans.Snapshot().Where(s => s.OperationName == name)];

    /// The first ended span that matches, once it has ended (spans are exported as they end).
    public async Task<Activity> SpanAsync(Func<Activity, bool> match, CancellationToken ct)
    {
        var found = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = _spans.Watch(span =>
        {
            if (match(span))
            {
                found.TrySetResult(span);
            }
        });
        return await found.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    public IReadOnlyList<Activity> AllSpans => _spans.Snapshot();

    /// The points of a metric as last exported (cumulative since the app started) whose tags include all of <paramref name="tags"/>.
    public IReadOnlyList<MetricPoint> Points(string metric, params (string Key, object? Value)[] tags)
    {
        var last = _metrics.Snapshot().LastOrDefault(m => m.Name == metric);
        if (last is null)
        {
            return [];
        }
        return [.. last.MetricPoints.Where(p => tags.All(t => Tag(p, t.Key) is { } v && Equals(Normalise(v), Normalise(t.Value))))];
    }

    public long Sum(string metric, params (string Key, object? Value)[] tags) => Points(metric, tags).Sum(p => p.GetSumLong());

    public long Count(string metric, params (string Key, object? Value)[] tags) => Points(metric, tags).Sum(p => p.GetHistogramCount());

    public static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }
        return null;
    }

    public static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    public ValueTask DisposeAsync() => _collector.DisposeAsync();

    // Tag values arrive as int or long depending on the instrument; compare them as text.
    private static string? Normalise(object? value) => value?.ToString();

    private async Task CollectAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        Exported.Enqueue((http.Request.Path.Value ?? "", body.ToArray()));
        // An empty Export*ServiceResponse: a full success.
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/x-protobuf";
    }
}
