using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OspBot.Teams;
using OspBot.Teams.Connector;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Credentials;

/// Issue 17: the bot's certificate credential against a local Entra token endpoint. MSAL signs a client assertion
/// with the configured certificate; these tests read that assertion off the wire and check it as Entra ID would.
public sealed class BotCertificateCredentialTests
{
    internal const string AppId = "bbbbbbbb-0000-0000-0000-00000000b0b0";
    internal const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task The_client_assertion_is_a_short_lived_jwt_for_the_token_endpoint_signed_by_the_pfx_certificate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var entra = await EntraStub.StartAsync(ct);
        using var certificate = TestCertificates.Valid();
        var folder = TestDatabases.TempFolder();
        var options = Options(entra, BotAuthType.Certificate, s =>
        {
            s.CertificatePath = TestCertificates.WritePfx(certificate, folder, "pfx-password");
            s.CertificatePassword = "pfx-password";
        });

        var token = await BotTokenProviders.Create(options, TimeProvider.System, NullLogger.Instance, entra.MsalHttp).GetTokenAsync(ct);

        Assert.Equal("bot-token-1", token);
        var request = Assert.Single(entra.Requests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request["client_assertion_type"]);
        Assert.False(request.ContainsKey("client_secret"));
        var assertion = await ValidatedAssertionAsync(request["client_assertion"], certificate, entra.TokenEndpoint(Tenant));
        Assert.Equal(AppId, assertion.Subject);
        Assert.True(assertion.ValidTo - assertion.ValidFrom <= TimeSpan.FromMinutes(10), $"assertion lives {assertion.ValidTo - assertion.ValidFrom}");
        Assert.True(HasThumbprint(assertion, certificate), "the header names the certificate (x5t or x5t#S256)");
        Assert.False(assertion.TryGetHeaderValue<object>("x5c", out _), "no chain unless SendX5C");
    }

    [Fact]
    public async Task With_SendX5C_a_pem_certificate_travels_in_the_header_for_subject_name_and_issuer_authentication()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var entra = await EntraStub.StartAsync(ct);
        using var certificate = TestCertificates.Valid();
        var options = Options(entra, BotAuthType.Certificate, s =>
        {
            s.CertificatePath = TestCertificates.WritePem(certificate, TestDatabases.TempFolder());
            s.SendX5C = true;
        });

        await BotTokenProviders.Create(options, TimeProvider.System, NullLogger.Instance, entra.MsalHttp).GetTokenAsync(ct);

        var assertion = await ValidatedAssertionAsync(Assert.Single(entra.Requests)["client_assertion"], certificate, entra.TokenEndpoint(Tenant));
        Assert.True(assertion.TryGetHeaderValue<List<object>>("x5c", out var chain), "x5c header");
        Assert.Equal(Convert.ToBase64String(certificate.RawData), Assert.Single(chain).ToString());
    }

    [Fact]
    public async Task A_token_is_reused_while_fresh_and_renewed_when_it_nears_its_expiry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var entra = await EntraStub.StartAsync(ct);
        // The first token lives 2 minutes: inside MSAL's 5-minute margin, so it is already due for renewal.
        entra.Lifetimes.Clear();
        entra.Lifetimes.AddRange([120, 3600]);
        using var certificate = TestCertificates.Valid();
        var options = Options(entra, BotAuthType.Certificate, s => s.CertificatePath = TestCertificates.WritePfx(certificate, TestDatabases.TempFolder(), null));
        var provider = BotTokenProviders.Create(options, TimeProvider.System, NullLogger.Instance, entra.MsalHttp);

        var first = await provider.GetTokenAsync(ct);
        var renewed = await provider.GetTokenAsync(ct);
        var reused = await provider.GetTokenAsync(ct);

        Assert.Equal("bot-token-1", first);
        Assert.Equal("bot-token-2", renewed);
        Assert.Equal("bot-token-2", reused);
        Assert.Equal(2, entra.Requests.Count);
    }

    [Fact]
    public async Task A_certificate_is_found_in_the_store_by_thumbprint_or_by_subject_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var entra = await EntraStub.StartAsync(ct);
        var subject = $"ospbot-{Guid.NewGuid():N}";
        using var certificate = TestCertificates.Valid(subject);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        // A PKCS#12 round trip makes the key persistable, as an imported .pfx is.
        using var stored = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.PersistKeySet);
        store.Add(stored);
        try
        {
            var byThumbprint = Options(entra, BotAuthType.Certificate, s => s.CertThumbprint = certificate.Thumbprint.ToLowerInvariant());
            var bySubject = Options(entra, BotAuthType.CertificateSubjectName, s => s.CertSubjectName = subject);

            await BotTokenProviders.Create(byThumbprint, TimeProvider.System, NullLogger.Instance, entra.MsalHttp).GetTokenAsync(ct);
            await BotTokenProviders.Create(bySubject, TimeProvider.System, NullLogger.Instance, entra.MsalHttp).GetTokenAsync(ct);

            Assert.Equal(2, entra.Requests.Count);
            foreach (var request in entra.Requests)
            {
                await ValidatedAssertionAsync(request["client_assertion"], certificate, entra.TokenEndpoint(Tenant));
            }
        }
        finally
        {
            store.Remove(stored);
        }
    }

    internal static BotOptions Options(EntraStub entra, BotAuthType authType, Action<BotConnectionSettings> settings)
    {
        var options = new BotOptions
        {
            MicrosoftAppType = BotAppType.SingleTenant,
            MicrosoftAppId = AppId,
            MicrosoftAppTenantId = Tenant,
            LoginAuthorityHost = entra.AuthorityHost,
        };
        options.Credential.AuthType = authType;
        settings(options.Credential);
        return options;
    }

    /// Checks the assertion as Entra ID does: signed by the certificate's key, issued by the app, for the token endpoint, unexpired.
    private static async Task<JsonWebToken> ValidatedAssertionAsync(string assertion, X509Certificate2 certificate, string tokenEndpoint)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = AppId,
            ValidAudience = tokenEndpoint,
            IssuerSigningKey = new X509SecurityKey(certificate),
            ValidateLifetime = true,
            RequireExpirationTime = true,
        });
        Assert.True(result.IsValid, $"assertion rejected: {result.Exception?.Message}");
        return (JsonWebToken)result.SecurityToken;
    }

    private static bool HasThumbprint(JsonWebToken assertion, X509Certificate2 certificate) =>
        (assertion.TryGetHeaderValue<string>("x5t", out var x5t) && x5t == Base64UrlEncoder.Encode(certificate.GetCertHash()))
        || (assertion.TryGetHeaderValue<string>("x5t#S256", out var s256)
            && s256 == Base64UrlEncoder.Encode(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)));
}
