using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Production.Hardening;

/// Forged, replayed and misdirected channel tokens (spec section 2), each on three kinds of activity, and
/// activities from a tenant the bot does not serve.
internal static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> Tokens(CorpusContext c)
    {
        var spec = c.Token;
        var key = TestSigningKey.Published;
        var valid = c.ValidToken;
        var tokens = new List<(string Name, string Authorization)>
        {
            ("no scheme", valid),
            ("Basic scheme", "Basic dXNlcjpwYXNz"),
            ("lower-case bearer", "bearer " + valid),
            ("Bearer and nothing", "Bearer "),
            ("Bearer and spaces", "Bearer    "),
            ("two tokens in one header", $"Bearer {valid} Bearer {valid}"),
            ("token with a comma", $"Bearer {valid},{valid}"),
            ("not a JWT", "Bearer not-a-jwt"),
            ("five segments (JWE shape)", $"Bearer {valid}.x.y"),
            ("signed by an unpublished key", "Bearer " + TestSigningKey.Unpublished.Mint(spec)),
            ("signed by a key endorsed for another channel", "Bearer " + TestSigningKey.Rotated.Mint(spec)),
            ("alg none", "Bearer " + key.MintUnsigned(spec)),
            ("HS256 keyed with the public key", "Bearer " + key.Mint(spec, Hmac(key.Certificate.GetPublicKey(), key.Kid))),
            ("HS256 keyed with the certificate", "Bearer " + key.Mint(spec, Hmac(key.Certificate.RawData, key.Kid))),
            ("stripped signature", $"Bearer {string.Join('.', valid.Split('.')[..2])}."),
            ("signature of another token", $"Bearer {string.Join('.', valid.Split('.')[..2])}.{key.Mint(spec with { Audience = "x" }).Split('.')[2]}"),
            ("payload re-aimed at another serviceUrl", "Bearer " + Tamper(valid, 1, p => p["serviceurl"] = "https://evil.example/")),
            ("payload with a later expiry", "Bearer " + Tamper(valid, 1, p => p["exp"] = p["exp"]!.GetValue<long>() + 86_400)),
            ("payload of another bot given our audience", "Bearer " + Tamper(key.Mint(spec with { Audience = "cccccccc-0000-0000-0000-00000000c0c0" }), 1, p => p["aud"] = CorpusContext.AppId)),
            ("header switched to alg none", "Bearer " + Tamper(valid, 0, h => h["alg"] = "none")),
            ("header switched to HS256", "Bearer " + Tamper(valid, 0, h => h["alg"] = "HS256")),
            ("header naming another kid", "Bearer " + Tamper(valid, 0, h => h["kid"] = TestSigningKey.Unpublished.Kid)),
            ("replayed for another serviceUrl", "Bearer " + key.Mint(spec with { ServiceUrl = "https://smba.trafficmanager.net/emea/" })),
            ("no serviceurl claim", "Bearer " + key.Mint(spec with { ServiceUrl = null })),
            ("expired an hour ago", "Bearer " + key.Mint(spec with { NotBefore = c.Now.AddHours(-2), Expires = c.Now.AddHours(-1) })),
            ("expired beyond the clock skew", "Bearer " + key.Mint(spec with { NotBefore = c.Now.AddHours(-1), Expires = c.Now.AddMinutes(-6) })),
            ("not valid before tomorrow", "Bearer " + key.Mint(spec with { NotBefore = c.Now.AddDays(1), Expires = c.Now.AddDays(2) })),
            ("for another bot's app id", "Bearer " + key.Mint(spec with { Audience = "cccccccc-0000-0000-0000-00000000c0c0" })),
            ("for the app id URI", "Bearer " + key.Mint(spec with { Audience = "api://" + CorpusContext.AppId })),
            ("from another issuer", "Bearer " + key.Mint(spec with { Issuer = "https://login.microsoftonline.com/" + CorpusContext.OtherTenant + "/v2.0" })),
            ("a 20 KB token", "Bearer " + new string('a', 20_000)),
        };

        foreach (var (name, authorization) in tokens)
        {
            foreach (var (kind, activity) in new[] { ("message", c.Message()), ("invoke", c.Invoke()), ("install", c.Install()) })
            {
                yield return new("token", $"{name} on {kind}", 401, CorpusContext.Post(Encoding.UTF8.GetBytes(activity.ToJsonString()), authorization));
            }
        }

        var activityOnOtherChannel = c.Message();
        activityOnOtherChannel["channelId"] = "webchat";
        yield return new("token", "msteams key on a webchat activity", 401, c.Post(activityOnOtherChannel));
        var otherServiceUrl = c.Message();
        otherServiceUrl["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        yield return new("token", "valid token replayed on an activity for another serviceUrl", 401, c.Post(otherServiceUrl));
        yield return new("token", "no Authorization header", 401, RawRequest.Post("/api/messages", [("Content-Type", "application/json")], Encoding.UTF8.GetBytes(c.Message().ToJsonString())));
        var body = Encoding.UTF8.GetBytes(c.Message().ToJsonString());
        yield return new("token", "duplicate Authorization: valid twice", 401, CorpusContext.Post(body, "Bearer " + valid, "Bearer " + valid));
        yield return new("token", "duplicate Authorization: valid then forged", 401, CorpusContext.Post(body, "Bearer " + valid, "Bearer " + key.MintUnsigned(spec)));
        yield return new("token", "duplicate Authorization: forged then valid", 401, CorpusContext.Post(body, "Basic eDp5", "Bearer " + valid));
    }

    private static IEnumerable<HostileCase> Tenants(CorpusContext c)
    {
        JsonObject With(Action<JsonObject> change)
        {
            var a = c.Message();
            change(a);
            return a;
        }

        yield return new("tenant", "conversation in another tenant", 403, c.Post(With(a =>
        {
            a["conversation"]!["tenantId"] = CorpusContext.OtherTenant;
            a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = CorpusContext.OtherTenant } };
        })));
        yield return new("tenant", "channelData names another tenant", 403, c.Post(With(a => a["channelData"]!["tenant"]!["id"] = CorpusContext.OtherTenant)));
        yield return new("tenant", "conversation names another tenant", 403, c.Post(With(a => a["conversation"]!["tenantId"] = CorpusContext.OtherTenant)));
        yield return new("tenant", "no tenant anywhere", 403, c.Post(With(a =>
        {
            a["conversation"]!.AsObject().Remove("tenantId");
            a.Remove("channelData");
        })));
        yield return new("tenant", "tenant is not a GUID", 403, c.Post(With(a =>
        {
            a["conversation"]!["tenantId"] = "../../" + Activities.TenantId;
            a["channelData"]!["tenant"]!["id"] = "../../" + Activities.TenantId;
        })));
        yield return new("tenant", "card action from another tenant", 403, c.Post(Retenant(c.Invoke())));
        yield return new("tenant", "install in another tenant", 403, c.Post(Retenant(c.Install())));
    }

    private static JsonObject Retenant(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = CorpusContext.OtherTenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = CorpusContext.OtherTenant } };
        return activity;
    }

    private static SigningCredentials Hmac(byte[] secret, string kid) =>
        new(new SymmetricSecurityKey(secret) { KeyId = kid }, SecurityAlgorithms.HmacSha256);

    /// Changes one segment (0 header, 1 payload) of a signed token and keeps its signature.
    private static string Tamper(string token, int segment, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var json = JsonNode.Parse(Base64UrlEncoder.Decode(parts[segment]))!.AsObject();
        change(json);
        parts[segment] = Base64UrlEncoder.Encode(json.ToJsonString());
        return string.Join('.', parts);
    }
}
