using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OspBot.Tests.Fakes;

/// An HTTP server on 127.0.0.1 (an ephemeral port): the host of the tests' stand-ins for what the bot calls —
/// the Bot Connector, Microsoft Graph, the channel's key server. WireMock does not restore here.
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    /// The server's address without a trailing slash, e.g. http://127.0.0.1:40123.
    public string BaseAddress => _app.Urls.First().TrimEnd('/');

    /// Starts a server whose endpoints <paramref name="routes"/> maps (app.Run for a catch-all handler).
    public static Task<LoopbackServer> StartAsync(Action<WebApplication> routes, CancellationToken ct = default) => StartAsync(routes, null, ct);

    /// The same on HTTPS with <paramref name="tls"/>, for clients that refuse plain HTTP (MSAL, Azure.Identity).
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> routes, X509Certificate2? tls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var builder = WebApplication.CreateSlimBuilder();
        if (tls is null)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrelHttpsConfiguration().UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(tls)));
        }
        builder.Logging.ClearProviders();
        var app = builder.Build();
        routes(app);
        await app.StartAsync(ct);
        return new LoopbackServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// A stand-in's answer: status, headers and an optional JSON body.
internal sealed record StubReply(int Status, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public static StubReply Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static StubReply Empty(int status) => new(status, null, new Dictionary<string, string>());

    /// The error envelope the Bot Connector and Graph share: {"error":{"code","message"}}.
    public static StubReply Error(int status, string code, params (string Name, string Value)[] headers) =>
        Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"stub {{{code}}}"}}""", headers);

    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is { } text)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(text, ct);
        }
    }
}
