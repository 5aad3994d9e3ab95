using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OspBot.Tests.Fakes;

/// A Bot Connector on a loopback port, recording what the bot sends. Its serviceUrl goes into test
/// activities, so the bot's real connector client, limiter and JSON are exercised end to end.
public sealed class FakeConnector : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private int _nextId;

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// Decides the answer to each request; by default 200 with a new activity id.
    public Func<ConnectorRequest, (int Status, string Body)>? Respond { get; set; }

    /// Sent as Retry-After (seconds) with every 429 answer, as Teams does.
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

    /// Waits until at least <paramref name="count"/> requests arrived (a turn may answer after its 200).
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (Requests.Count < count)
        {
            await Task.Delay(20, timeout.Token);
        }

        return [.. Requests];
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonElement? body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        var request = new ConnectorRequest(
            context.Request.Method,
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body,
            DateTimeOffset.UtcNow);
        Requests.Enqueue(request);
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted);
        }

        var (status, answer) = Respond?.Invoke(request) ?? (200, $$"""{"id":"{{Interlocked.Increment(ref _nextId)}}"}""");
        var reply = status == 429 && RetryAfterSeconds is { } seconds
            ? StubReply.Json(status, answer, ("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : StubReply.Json(status, answer);
        await reply.WriteAsync(context.Response, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed record ConnectorRequest(string Method, string Path, string Authorization, JsonElement? Body, DateTimeOffset At);
