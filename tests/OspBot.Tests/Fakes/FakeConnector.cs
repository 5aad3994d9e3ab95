using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OspBot.Tests.Fakes;

/// A Bot Connector on a loopback port, recording what the bot sends. Its serviceUrl goes into test
/// activities, so the bot's real connector client, limiter and JSON are exercised end to end.
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// Decides the answer to each request; by default 200 with a new activity id.
    public Func<ConnectorRequest, (int Status, string Body)>? Respond { get; set; }

    /// Sent as Retry-After (seconds) with every 429 answer, as Teams does.
    public int? RetryAfterSeconds { get; set; }

    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<FakeConnector> StartAsync(string path = "/amer/tenant-1/")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + path);
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
        var (status, answer) = Respond?.Invoke(request) ?? (200, $$"""{"id":"{{Interlocked.Increment(ref _nextId)}}"}""");
        context.Response.StatusCode = status;
        if (status == 429 && RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ConnectorRequest(string Method, string Path, string Authorization, JsonElement? Body, DateTimeOffset At);
