using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OspBot.Teams.Authentication;

/// A channel signing key (all forms the JWKS gives for one kid) and the channels it is endorsed for.
internal sealed record ChannelSigningKey(IReadOnlyList<SecurityKey> Keys, IReadOnlyList<string> Endorsements);

/// Fetches the channel service's OpenID metadata and the JWKS it points to. The key material is parsed by
/// IdentityModel; the non-standard `endorsements` arrays are read from the raw JWKS document, which is why we fetch it ourselves.
internal sealed class ChannelKeyDocuments(IHttpClientFactory httpClients, IOptions<BotOptions> options)
{
    public const string HttpClientName = "OspBot.ChannelAuthentication";

    public string MetadataUrl => options.Value.ChannelOpenIdMetadataUrl;

    public async Task<IReadOnlyDictionary<string, ChannelSigningKey>> LoadAsync(CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var metadataUri = RequireSecure(MetadataUrl);
        var metadata = OpenIdConnectConfiguration.Create(await http.GetStringAsync(metadataUri, ct));
        var jwksUri = RequireSecure(metadata.JwksUri);
        var jwksJson = await http.GetStringAsync(jwksUri, ct);

        var endorsements = ReadEndorsements(jwksJson);
        return new JsonWebKeySet(jwksJson).GetSigningKeys()
            .Where(key => !string.IsNullOrEmpty(key.KeyId))
            .GroupBy(key => key.KeyId, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => new ChannelSigningKey([.. group], endorsements.GetValueOrDefault(group.Key, [])),
                StringComparer.Ordinal);
    }

    /// Keys fetched over plain HTTP could be swapped in transit; only a local stub (tests) may use it.
    private static Uri RequireSecure(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"'{url}' is not an absolute URL.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidOperationException($"'{url}' must use https.");
        }

        return uri;
    }

    private static Dictionary<string, string[]> ReadEndorsements(string jwksJson)
    {
        using var document = JsonDocument.Parse(jwksJson);
        var byKid = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kidElement) || kidElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var kid = kidElement.GetString()!;
            string[] endorsed = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];

            // A kid listed twice is ambiguous: grant only the channels that every entry for it grants.
            byKid[kid] = byKid.TryGetValue(kid, out var earlier) ? [.. earlier.Intersect(endorsed, StringComparer.Ordinal)] : endorsed;
        }

        return byKid;
    }
}
