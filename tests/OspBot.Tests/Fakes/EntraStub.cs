using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;

namespace OspBot.Tests.Fakes;

/// Entra ID's token endpoint on loopback HTTPS (MSAL refuses an http authority): records each client-credentials
/// request's form and answers with the next token of the script, or with an Entra-shaped error.
internal sealed class EntraStub : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly X509Certificate2 _tls;
    private readonly HttpClient _msalClient;
    private int _issued;

    private EntraStub(LoopbackServer server, X509Certificate2 tls)
    {
        _server = server;
        _tls = tls;
        _msalClient = new HttpClient(HttpHandler());
    }

    /// Seconds each issued token lives, in order; the last one repeats.
    public List<int> Lifetimes { get; } = [3600];

    /// When set, every request is refused with this AADSTS error (HTTP 400 invalid_client).
    public string? RefuseWith { get; set; }

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Requests { get; } = new();

    /// https://127.0.0.1:port, the authority host MSAL (LoginAuthorityHost) is pointed at.
    public string AuthorityHost => _server.BaseAddress;

    public string TokenEndpoint(string tenant) => $"{AuthorityHost}/{tenant}/oauth2/v2.0/token";

    public static async Task<EntraStub> StartAsync(CancellationToken ct)
    {
        var tls = TestCertificates.Loopback();
        EntraStub? stub = null;
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpRequest request) => stub!.AnswerAsync(request)), tls, ct);
        stub = new EntraStub(server, tls);
        return stub;
    }

    /// MSAL's transport, trusting this stub's certificate and nothing else.
    public IMsalHttpClientFactory MsalHttp => new TrustingFactory(_msalClient);

    public HttpClientHandler HttpHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _tls.Thumbprint,
    };

    private async Task<IResult> AnswerAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        Requests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        if (RefuseWith is { } code)
        {
            return Results.Json(new Dictionary<string, object>
            {
                ["error"] = "invalid_client",
                ["error_description"] = $"{code}: stub refusal.",
                ["error_codes"] = new[] { int.Parse(code["AADSTS".Length..], System.Globalization.CultureInfo.InvariantCulture) },
            }, statusCode: 400);
        }

        var n = Interlocked.Increment(ref _issued);
        var lifetime = Lifetimes[Math.Min(n, Lifetimes.Count) - 1];
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = $"bot-token-{n}",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _msalClient.Dispose();
        _tls.Dispose();
    }

    private sealed class TrustingFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
