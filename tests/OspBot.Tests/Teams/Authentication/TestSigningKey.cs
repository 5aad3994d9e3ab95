using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OspBot.Tests.Teams.Authentication;

/// The claims of a channel token; a real Teams token carries exactly these (spec section 2).
internal sealed record TokenSpec(string Issuer, string Audience, DateTimeOffset NotBefore, DateTimeOffset Expires, string? ServiceUrl);

/// An RSA key of our stand-in channel service, able to appear in its JWKS and to mint tokens shaped like Teams'.
/// A self-signed certificate, as the Bot Framework's keys are: that is what puts x5t in the token header.
internal sealed class TestSigningKey
{
    private TestSigningKey(string kid)
    {
        Kid = kid;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={kid}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
    }

    // RSA key generation is slow; the tests share these three.
    public static TestSigningKey Published { get; } = new("osp-test-key-1");
    public static TestSigningKey Rotated { get; } = new("osp-test-key-2");
    public static TestSigningKey Unpublished { get; } = new("osp-test-key-3");

    public string Kid { get; }
    public X509Certificate2 Certificate { get; }
    public string X5t => Base64UrlEncoder.Encode(Certificate.GetCertHash());

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new X509SecurityKey(Certificate, Kid), algorithm);

    /// The key as the Bot Framework's JWKS lists it; null endorsements leaves the property out.
    public JsonObject ToJwk(IEnumerable<string>? endorsements)
    {
        using var rsa = Certificate.GetRSAPublicKey()!;
        var p = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["x5t"] = X5t,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["x5c"] = new JsonArray(Convert.ToBase64String(Certificate.RawData)),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    /// Signed with this key (RS256 unless another credential is given); header alg, kid, typ, x5t.
    public string Mint(TokenSpec spec, SigningCredentials? credentials = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            SigningCredentials = credentials ?? Credentials(),
            Claims = spec.ServiceUrl is null ? null : new Dictionary<string, object> { ["serviceurl"] = spec.ServiceUrl },
        };

        // Teams tokens carry no iat.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// The same claims under a header with alg "none" naming this key, and no signature. Written by hand:
    /// IdentityModel will not put a kid on a token it does not sign.
    public string MintUnsigned(TokenSpec spec)
    {
        var header = new JsonObject { ["alg"] = "none", ["kid"] = Kid, ["typ"] = "JWT", ["x5t"] = X5t };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Mint(spec).Split('.')[1]}.";
    }
}
