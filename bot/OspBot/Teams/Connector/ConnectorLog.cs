using Microsoft.Extensions.Logging;

namespace OspBot.Teams.Connector;

/// The connector's important events. The correlation id is what Microsoft support asks for.
internal static partial class ConnectorLog
{
    [LoggerMessage(2201, LogLevel.Warning,
        "Connector {Operation} failed with {StatusCode} {ErrorCode}: {ErrorMessage} (correlation {CorrelationId})")]
    public static partial void RequestFailed(
        ILogger logger, string operation, int statusCode, string? errorCode, string? errorMessage, string? correlationId);

    [LoggerMessage(2202, LogLevel.Information,
        "Connector {Operation} got {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(2203, LogLevel.Warning,
        "Connector {Operation} to conversation {ConversationId} got {Outcome} and is retried; Teams may already have delivered it, so the message may appear twice")]
    public static partial void RetryMayDuplicate(ILogger logger, string operation, string? conversationId, string outcome);

    [LoggerMessage(2204, LogLevel.Warning,
        "Refused connector {Operation} to {Host}: the host is not a trusted Bot Connector service URL")]
    public static partial void UntrustedServiceUrl(ILogger logger, string operation, string host);

    [LoggerMessage(2205, LogLevel.Information,
        "Conversation {ConversationId} is unreachable ({ErrorCode}); no more sends until the app is installed again")]
    public static partial void ConversationUnreachable(ILogger logger, string conversationId, string? errorCode);

    [LoggerMessage(2206, LogLevel.Error,
        "Could not record conversation {ConversationId} as unreachable")]
    public static partial void MarkUnreachableFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(2207, LogLevel.Warning,
        "Connector {Operation} failed without a response")]
    public static partial void NetworkFailure(ILogger logger, Exception exception, string operation);

    [LoggerMessage(2210, LogLevel.Information, "The bot gets its Bot Connector token with {AuthType} for app {AppId}")]
    public static partial void BotCredential(ILogger logger, BotAuthType authType, string appId);

    [LoggerMessage(2211, LogLevel.Warning,
        "The bot's certificate {Thumbprint} expires on {NotAfter}: add a new certificate to the app registration and deploy it before then")]
    public static partial void CertificateExpiresSoon(ILogger logger, string thumbprint, DateTimeOffset notAfter);

    [LoggerMessage(2212, LogLevel.Error,
        "The bot's federated credential failed at the managed identity: no token for api://AzureADTokenExchange, so Entra ID was not asked")]
    public static partial void ManagedIdentityAssertionFailed(ILogger logger, Exception exception);

    [LoggerMessage(2213, LogLevel.Error, "Entra ID refused the bot's token request ({AuthType}): {ErrorCode}")]
    public static partial void AppTokenRefused(ILogger logger, Exception exception, BotAuthType authType, string errorCode);
}
