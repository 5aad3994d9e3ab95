using Azure.Identity;
using Microsoft.Identity.Client;
using OspBot.Identity;

namespace OspBot.Teams.Connector;

/// The bot's own bearer token for the Bot Connector (spec section 3). Null when authentication is off
/// (local development against the Agents Playground).
internal interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}

/// Picks the token source for the configured credential (BotOptions.AuthType) and checks the settings it needs, so a
/// half-configured bot fails at start-up rather than with a 401 on its first send.
internal static class BotTokenProviders
{
    /// <paramref name="msalHttp"/> replaces MSAL's transport (tests point the authority at a local token endpoint,
    /// which is no Microsoft cloud, so instance discovery is then off too); production passes null.
    public static IBotTokenProvider Create(BotOptions options, TimeProvider time, ILogger logger, IMsalHttpClientFactory? msalHttp = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AuthenticationEnabled)
        {
            return NoBotToken.Instance;
        }

        if (options.AuthType == BotAuthType.UserManagedIdentity)
        {
            if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
            {
                throw new InvalidOperationException("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword; remove it.");
            }

            var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!));
            return new ManagedIdentityBotTokenProvider(credential, options.ConnectorScope, time);
        }

        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId).WithAuthority(Authority(options));
        if (msalHttp is not null)
        {
            builder = builder.WithHttpClientFactory(msalHttp).WithInstanceDiscovery(false);
        }

        builder = options.AuthType switch
        {
            BotAuthType.Certificate or BotAuthType.CertificateSubjectName => builder.WithCertificate(Certificate(options, time, logger), options.Credential.SendX5C),
            BotAuthType.FederatedCredentials => builder.WithClientAssertion(new ManagedIdentityAssertion(FederatedClientId(options)).GetAsync),
            _ => builder.WithClientSecret(string.IsNullOrEmpty(options.MicrosoftAppPassword)
                ? throw new InvalidOperationException($"MicrosoftAppType {options.MicrosoftAppType} needs MicrosoftAppPassword.")
                : options.MicrosoftAppPassword),
        };
        ConnectorLog.BotCredential(logger, options.AuthType, options.MicrosoftAppId!);
        return new MsalBotTokenProvider(builder.Build(), options.ConnectorScope, options.AuthType, logger);
    }

    /// A SingleTenant bot must ask its own home tenant, even for conversations in other tenants; asking
    /// botframework.com (or the customer's tenant) gives AADSTS700016 or a 401 on send (spec pitfall 5).
    public static string Authority(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.LoginAuthorityHost.TrimEnd('/');
        return options.MicrosoftAppType switch
        {
            BotAppType.MultiTenant => $"{host}/botframework.com",
            BotAppType.SingleTenant when !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) =>
                $"{host}/{options.MicrosoftAppTenantId.Trim()}",
            BotAppType.SingleTenant => throw new InvalidOperationException("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId."),
            _ => throw new InvalidOperationException($"MicrosoftAppType {options.MicrosoftAppType} does not use an authority."),
        };
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(BotOptions options, TimeProvider time, ILogger logger)
    {
        var now = time.GetUtcNow();
        var loaded = BotCertificates.Load(options.Credential, now);
        var certificate = loaded.Certificate ?? throw new InvalidOperationException(loaded.Error);
        var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (expires - now < BotCertificates.RenewalWarning)
        {
            ConnectorLog.CertificateExpiresSoon(logger, certificate.Thumbprint, expires);
        }
        return certificate;
    }

    private static string FederatedClientId(BotOptions options) =>
        options.Credential.FederatedClientId is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException($"AuthType FederatedCredentials needs {BotConnectionSettings.Path}:FederatedClientId.");

    private sealed class NoBotToken : IBotTokenProvider
    {
        public static readonly NoBotToken Instance = new();

        public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
    }
}
