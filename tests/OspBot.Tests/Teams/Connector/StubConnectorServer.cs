using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace OspBot.Tests.Teams.Connector;

/// A Bot Connector stand-in on 127.0.0.1 (ephemeral port) that records every request as it arrives.
internal sealed class StubConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    private StubConnectorServer(WebApplication app) => _app = app;

    /// Answers request n (0-based); the default accepts everything with {"id":"1"}.
    public Func<RecordedRequest, int, StubResponse> Respond { get; set; } = (_, _) => StubResponse.Json(200, """{"id":"1"}""");

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.ArrivedAt)];

    public static async Task<StubConnectorServer> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubConnectorServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server.BaseUri = new Uri(app.Urls.First() + "/");
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

        var reply = Respond(request, Interlocked.Increment(ref _count) - 1);
        http.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (reply.Body is { } text)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(text, http.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string Body, long ArrivedAt)
{
    public TimeSpan ElapsedSince(RecordedRequest earlier) => Stopwatch.GetElapsedTime(earlier.ArrivedAt, ArrivedAt);
}

internal sealed record StubResponse(int Status, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public static StubResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static StubResponse Error(int status, string code, params (string Name, string Value)[] headers) =>
        Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"stub {{{code}}}"}}""", headers);
}
