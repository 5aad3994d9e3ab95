using Azure.Identity;
using Microsoft.Identity.Client;

namespace OspBot.Teams.Connector;

/// The bot's own bearer token for the Bot Connector (spec section 3). Null when authentication is off
/// (local development against the Agents Playground).
internal interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}

/// Picks the token source for the configured app type and checks the settings it needs, so a half-configured
/// bot fails at start-up rather than with a 401 on its first send.
internal static class BotTokenProviders
{
    public static IBotTokenProvider Create(BotOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AuthenticationEnabled)
        {
            return NoBotToken.Instance;
        }

        if (options.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
            {
                throw new InvalidOperationException("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword; remove it.");
            }

            var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!));
            return new ManagedIdentityBotTokenProvider(credential, options.ConnectorScope, time);
        }

        if (string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException($"MicrosoftAppType {options.MicrosoftAppType} needs MicrosoftAppPassword.");
        }

        var app = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(Authority(options))
            .Build();
        return new MsalBotTokenProvider(app, options.ConnectorScope);
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

    private sealed class NoBotToken : IBotTokenProvider
    {
        public static readonly NoBotToken Instance = new();

        public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
    }
}

/// Client credentials through MSAL. The application object is a singleton on purpose: its in-memory token
/// cache returns the cached token and fetches a new one shortly before expiry.
internal sealed class MsalBotTokenProvider(IConfidentialClientApplication app, string scope) : IBotTokenProvider
{
    private readonly string[] _scopes = [scope];

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        var result = await app.AcquireTokenForClient(_scopes).ExecuteAsync(ct);
        return result.AccessToken;
    }
}
