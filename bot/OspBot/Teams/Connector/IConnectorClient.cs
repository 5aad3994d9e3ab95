using OspBot.Teams.Schema;

namespace OspBot.Teams.Connector;

/// The Bot Connector REST API (v3) of one channel, addressed by the serviceUrl an activity came from.
/// Implementations attach the bot's token (only for trusted hosts), respect Teams' rate limits and retry
/// what is safe to retry; failures surface as <see cref="ConnectorException"/>.
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct);

    /// SendToConversation for a sender that records its sends: <paramref name="beforeSend"/> is asked once, when the
    /// rate limiter has let the message go and just before the first request; when it answers false nothing is sent
    /// and the result is null. Retries after that first request do not ask again.
    Task<ResourceResponse?> SendToConversationAsync(
        Uri serviceUrl, string conversationId, Activity activity, Func<CancellationToken, Task<bool>> beforeSend, CancellationToken ct);

    Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);

    Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);

    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct);

    Task<TeamsChannelAccount> GetConversationMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken ct);

    Task<PagedMembersResult> GetConversationPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken ct);
}

/// A connector call that failed for good (after any retries): status, Teams' error code, and whether the
/// conversation can no longer be reached until the app is installed again.
public sealed class ConnectorException(
    int statusCode, string? errorCode, string message, string? correlationId = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// The bot could not get its own token (<see cref="BotTokenException"/>): the request was never sent.
    public const string BotTokenUnavailable = "BotTokenUnavailable";

    public int StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;
    public string? CorrelationId { get; } = correlationId;

    public bool IsConversationUnreachable =>
        StatusCode == 403 && ErrorCode is "BotNotInConversationRoster" or "ConversationBlockedByUser" or "MessageWritesBlocked";
}
