using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

/// A Bot Connector stand-in on 127.0.0.1 (ephemeral port) that records every request as it arrives.
internal sealed class StubConnectorServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackServer _server = null!;
    private int _count;

    /// Answers request n (0-based); the default accepts everything with {"id":"1"}.
    public Func<RecordedRequest, int, StubReply> Respond { get; set; } = (_, _) => StubReply.Json(200, """{"id":"1"}""");

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.ArrivedAt)];

    public static async Task<StubConnectorServer> StartAsync(CancellationToken ct)
    {
        var server = new StubConnectorServer();
        server._server = await LoopbackServer.StartAsync(app => app.Run(server.HandleAsync), ct);
        server.BaseUri = new Uri(server._server.BaseAddress + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        // Stamped before anything else: the rate-limit tests judge windows by arrival times.
        var arrivedAt = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = new RecordedRequest(
            http.Request.Method,
            http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            http.Request.Headers.Authorization.ToString(),
            body,
            arrivedAt);
        _requests.Enqueue(request);

        await Respond(request, Interlocked.Increment(ref _count) - 1).WriteAsync(http.Response, http.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string Body, long ArrivedAt)
{
    public TimeSpan ElapsedSince(RecordedRequest earlier) => Stopwatch.GetElapsedTime(earlier.ArrivedAt, ArrivedAt);
}

