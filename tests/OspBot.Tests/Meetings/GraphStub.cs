using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OspBot.Graph;
using OspBot.Meetings;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// Microsoft Graph stand-in on 127.0.0.1 (ephemeral port): records each request, answers with Respond.
internal sealed class GraphStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private LoopbackServer _server = null!;
    private int _count;

    /// Answers request n (0-based); the default is 200 with an empty object.
    public Func<GraphRequest, int, StubReply> Respond { get; set; } = (_, _) => StubReply.Json(200, "{}");

    /// How long to sit on the answer to a request (already decided, so e.g. an event is booked) before sending it:
    /// longer than the client's Graph:Timeout, and the request arrived but its answer was lost.
    public Func<GraphRequest, TimeSpan> Hold { get; set; } = _ => TimeSpan.Zero;

    /// Graph:Timeout of the clients this stub makes.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<GraphRequest> Requests => [.. _requests.OrderBy(r => r.ArrivedAt)];

    public static async Task<GraphStub> StartAsync(CancellationToken ct)
    {
        var stub = new GraphStub();
        stub._server = await LoopbackServer.StartAsync(app => app.Run(stub.HandleAsync), ct);
        stub.BaseUrl = stub._server.BaseAddress + "/v1.0";
        return stub;
    }

    /// The real GraphMeetingCalendar, real SDK and real HTTP, with a fake token and fast retries.
    public GraphMeetingCalendar Calendar(TimeProvider? clock = null, int maxRetries = 2, int retryDelaySeconds = 0) =>
        new(GraphClients.Create(Options(maxRetries, retryDelaySeconds), new FakeCredential()),
            Options(maxRetries, retryDelaySeconds),
            clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
            NullLogger<GraphMeetingCalendar>.Instance);

    public GraphOptions Options(int maxRetries = 2, int retryDelaySeconds = 0) => new()
    {
        TenantId = "tenant",
        ClientId = "client",
        ClientSecret = "not-used",
        OrganiserMailbox = "secretariat@osp.test",
        TeamsAppId = "app-catalog-id",
        BaseUrl = BaseUrl,
        MaxRetries = maxRetries,
        RetryDelaySeconds = retryDelaySeconds,
        Timeout = Timeout,
    };

    private async Task HandleAsync(HttpContext http)
    {
        var arrivedAt = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var raw = buffer.ToArray();
        var body = System.Text.Encoding.UTF8.GetString(raw);
        var request = new GraphRequest(
            http.Request.Method,
            http.Request.Path.Value ?? "",
            Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""),
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            arrivedAt)
        {
            RawBody = raw,
            RawTarget = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "",
        };
        _requests.Enqueue(request);

        var reply = Respond(request, Interlocked.Increment(ref _count) - 1);
        if (Hold(request) is { } hold && hold > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(hold, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // The client gave up waiting: the answer is lost.
            }
        }
        await reply.WriteAsync(http.Response, http.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record GraphRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, long ArrivedAt)
{
    /// The body as sent, for binary uploads (Body is its UTF-8 reading).
    public byte[] RawBody { get; init; } = [];

    /// Path and query exactly as sent, still escaped (Path is decoded).
    public string RawTarget { get; init; } = "";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public TimeSpan ElapsedSince(GraphRequest earlier) => Stopwatch.GetElapsedTime(earlier.ArrivedAt, ArrivedAt);
}


/// Entra cannot issue tokens to the stub; the SDK gets this one and sends it as the bearer token.
internal sealed class FakeCredential : TokenCredential
{
    public const string Token = "dummy-graph-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
