using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OspBot.Tests.Fakes;

/// The tests' one Bot Connector: a loopback server recording what the bot sends. Its serviceUrl goes into test
/// activities, so the bot's real connector client, limiter and JSON are exercised end to end; the connector
/// client's own tests point it at <see cref="ServiceUrl"/> directly (started on "/").
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private LoopbackServer _server = null!;
    private int _nextId;
    private int _arrivals;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// Every request in the order it was recorded.
    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// Decides the answer to each request; by default 200 with a new activity id.
    public Func<ConnectorRequest, (int Status, string Body)>? Respond { get; set; }

    /// Decides the whole answer (status, headers, body) when set; wins over <see cref="Respond"/>.
    internal Func<ConnectorRequest, StubReply>? Reply { get; set; }

    /// Sent as Retry-After (seconds) with every 429 answer from <see cref="Respond"/>, as Teams does.
    public int? RetryAfterSeconds { get; set; }

    /// How long each answer takes after the request is recorded: a slow Teams, so a test can act mid-send.
    public TimeSpan ResponseDelay { get; set; }

    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<FakeConnector> StartAsync(string path = "/amer/tenant-1/")
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync));
        connector.ServiceUrl = new Uri(connector._server.BaseAddress + path);
        return connector;
    }

    public IReadOnlyList<JsonElement> SentActivities() =>
        Requests.Where(r => r.Path.Contains("/activities", StringComparison.Ordinal) && r.Body is not null).Select(r => r.Body!.Value).ToList();

    /// The requests ordered by when they reached the server (the rate-limit tests judge windows by these times).
    public IReadOnlyList<ConnectorRequest> InArrivalOrder() => [.. Requests.OrderBy(r => r.ArrivedAt)];

    /// Waits until at least <paramref name="count"/> requests arrived (a turn may answer after its 200).
    public Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count, CancellationToken ct) =>
        WaitUntilAsync(requests => requests.Count >= count, $"{count} requests", ct);

    /// Waits for the first request that <paramref name="match"/> accepts, recorded now or later.
    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match, CancellationToken ct, TimeSpan? within = null) =>
        (await WaitUntilAsync(requests => requests.Any(match), "a matching request", ct, within)).First(match);

    /// Waits, woken by each arriving request rather than by polling, until <paramref name="done"/> holds; it may
    /// look only at the requests (an answer's side effects may land after the wake-up).
    public async Task<IReadOnlyList<ConnectorRequest>> WaitUntilAsync(
        Func<IReadOnlyCollection<ConnectorRequest>, bool> done, string what, CancellationToken ct, TimeSpan? within = null)
    {
        var limit = within ?? DefaultWait;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        while (true)
        {
            // Taken before the check, so a request arriving in between still wakes the wait.
            var next = Volatile.Read(ref _arrived).Task;
            if (done(Requests))
            {
                return [.. Requests];
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The connector did not receive {what} within {limit.TotalSeconds:F0} s; it got {Requests.Count}.");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Stamped before anything else: the rate-limit tests judge windows by arrival times.
        var arrivedAt = Stopwatch.GetTimestamp();
        var index = Interlocked.Increment(ref _arrivals) - 1;
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonElement? body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        var request = new ConnectorRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body,
            DateTimeOffset.UtcNow)
        { Index = index, Text = text, ArrivedAt = arrivedAt };
        Requests.Enqueue(request);
        Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted);
        }

        await Answer(request).WriteAsync(context.Response, context.RequestAborted);
    }

    private StubReply Answer(ConnectorRequest request)
    {
        if (Reply is { } reply)
        {
            return reply(request);
        }

        var (status, answer) = Respond?.Invoke(request) ?? (200, $$"""{"id":"{{Interlocked.Increment(ref _nextId)}}"}""");
        return status == 429 && RetryAfterSeconds is { } seconds
            ? StubReply.Json(status, answer, ("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : StubReply.Json(status, answer);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// One request the connector received: <see cref="Path"/> is the raw target (escaping kept), <see cref="Text"/>
/// the body exactly as sent, <see cref="Index"/> its place in arrival order (0-based).
public sealed record ConnectorRequest(string Method, string Path, string Authorization, JsonElement? Body, DateTimeOffset At)
{
    public int Index { get; init; }

    public string Text { get; init; } = "";

    /// A Stopwatch timestamp taken as the request reached the server.
    public long ArrivedAt { get; init; }

    public TimeSpan ElapsedSince(ConnectorRequest earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return Stopwatch.GetElapsedTime(earlier.ArrivedAt, ArrivedAt);
    }
}
