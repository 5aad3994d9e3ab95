using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OspBot.Tests.Fakes;

/// The Azure Instance Metadata Service's managed identity endpoint (GET /metadata/identity/oauth2/token) on loopback.
/// Azure.Identity (through MSAL) reaches it in place of 169.254.169.254 because AZURE_POD_IDENTITY_AUTHORITY_HOST names
/// it. MSAL reads that variable once per process and keeps managed identity tokens in a process-wide cache, so there
/// is one stub for the whole test run, and each test uses a managed identity (client id) of its own.
internal sealed class ImdsStub
{
    public const string HostVariable = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

    private static readonly Lazy<Task<ImdsStub>> Instance = new(StartAsync);
    private readonly ConcurrentDictionary<string, string> _refusals = new();
    private int _issued;

    private ImdsStub()
    {
    }

    /// Each token request's query, with the Metadata header under "Metadata".
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Requests { get; } = new();

    public static Task<ImdsStub> SharedAsync() => Instance.Value;

    public static string NewIdentity() => Guid.NewGuid().ToString();

    /// The token requests made for one managed identity.
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RequestsFor(string clientId) =>
        [.. Requests.Where(r => r.TryGetValue("client_id", out var id) && id == clientId)];

    /// From now on, <paramref name="clientId"/> gets this IMDS error (HTTP 400), as when the identity is not assigned to the host.
    public void Refuse(string clientId, string error) => _refusals[clientId] = error;

    private static async Task<ImdsStub> StartAsync()
    {
        var stub = new ImdsStub();
        // Never disposed: MSAL keeps this address for the rest of the process.
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/metadata/identity/oauth2/token", (HttpRequest r) => stub.Answer(r)));
        Environment.SetEnvironmentVariable(HostVariable, server.BaseAddress);
        return stub;
    }

    private IResult Answer(HttpRequest request)
    {
        var seen = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        seen["Metadata"] = request.Headers["Metadata"].ToString();
        Requests.Enqueue(seen);
        var clientId = request.Query["client_id"].ToString();
        if (_refusals.TryGetValue(clientId, out var error))
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = error }, statusCode: 400);
        }

        var now = DateTimeOffset.UtcNow;
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = $"mi-assertion-{Interlocked.Increment(ref _issued)}-{clientId}",
            ["client_id"] = clientId,
            ["expires_in"] = "86399",
            ["expires_on"] = now.AddHours(24).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["ext_expires_in"] = "86399",
            ["not_before"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
        });
    }
}
