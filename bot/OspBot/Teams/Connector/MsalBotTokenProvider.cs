using Microsoft.Identity.Client;
using OspBot.Identity;

namespace OspBot.Teams.Connector;

/// Client credentials through MSAL (secret, certificate or federated assertion). The application object is a
/// singleton on purpose: its in-memory token cache returns the cached token and fetches a new one shortly before
/// expiry. A failure says which step failed: the managed identity's assertion, or Entra ID's answer to the app.
internal sealed class MsalBotTokenProvider(IConfidentialClientApplication app, string scope, BotAuthType authType, ILogger logger)
    : IBotTokenProvider
{
    private readonly string[] _scopes = [scope];

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            var result = await app.AcquireTokenForClient(_scopes).ExecuteAsync(ct);
            return result.AccessToken;
        }
        catch (Exception e) when (Find<ManagedIdentityAssertionException>(e) is { } assertion)
        {
            ConnectorLog.ManagedIdentityAssertionFailed(logger, assertion);
            throw new BotTokenException(BotTokenStep.ManagedIdentity, assertion.Message, assertion);
        }
        catch (MsalException e)
        {
            ConnectorLog.AppTokenRefused(logger, e, authType, e.ErrorCode);
            throw new BotTokenException(BotTokenStep.AppRegistration,
                $"Entra ID refused the bot's token request ({authType}, app {app.AppConfig.ClientId}): {e.ErrorCode}: {e.Message}", e);
        }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}

/// Which step of getting the bot's token failed.
internal enum BotTokenStep
{
    /// The managed identity's token (the federated credential's assertion).
    ManagedIdentity,

    /// Entra ID's token for the app registration (secret, certificate or assertion refused).
    AppRegistration,
}

/// The bot could not get its Bot Connector token: nothing was sent.
internal sealed class BotTokenException(BotTokenStep step, string message, Exception innerException) : Exception(message, innerException)
{
    public BotTokenStep Step { get; } = step;
}
