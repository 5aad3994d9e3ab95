using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Authentication;

// Public: a public test theory takes it as a parameter.
public enum KeyServerOutage
{
    None,
    ServerError,
    MalformedDocuments,
}

/// A stand-in for login.botframework.com: OpenID metadata and a JWKS with endorsements, on 127.0.0.1.
internal sealed class ChannelKeyServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, JsonObject> _jwks = new();
    private int _metadataRequests;
    private int _keyRequests;

    public KeyServerOutage Outage { get; set; }
    public string BaseUrl => _server.BaseAddress;
    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);
    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<ChannelKeyServer> StartAsync(CancellationToken ct)
    {
        var server = new ChannelKeyServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", server.Metadata);
            app.MapGet("/v1/.well-known/keys", server.Keys);
        }, ct);
        return server;
    }

    public void Publish(TestSigningKey key, IEnumerable<string>? endorsements) => _jwks[key.Kid] = key.ToJwk(endorsements);

    public void Withdraw(TestSigningKey key) => _jwks.TryRemove(key.Kid, out _);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private IResult Metadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        return Respond(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"{BaseUrl}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult Keys()
    {
        Interlocked.Increment(ref _keyRequests);
        return Respond(new JsonObject { ["keys"] = new JsonArray([.. _jwks.Values.Select(k => k.DeepClone())]) });
    }

    private IResult Respond(JsonObject document) => Outage switch
    {
        KeyServerOutage.ServerError => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        KeyServerOutage.MalformedDocuments => Results.Text("<html>maintenance</html>", "application/json"),
        _ => Results.Text(document.ToJsonString(), "application/json"),
    };
}
