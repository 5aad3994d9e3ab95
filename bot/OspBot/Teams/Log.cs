namespace OspBot.Teams;

/// The bot's important events, with stable ids for alerting.
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Request to /api/messages rejected with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int status, string? reason);

    [LoggerMessage(2002, LogLevel.Information, "Activity {ActivityId} in {ConversationId} was delivered again; it runs once")]
    public static partial void RepeatedActivity(ILogger logger, string? activityId, string? conversationId);

    [LoggerMessage(2003, LogLevel.Error, "Turn failed for a {ActivityType} activity (invoke {InvokeName})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? invokeName);

    [LoggerMessage(2004, LogLevel.Warning, "Could not send the apology after a failed turn")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(2005, LogLevel.Warning, "MicrosoftAppId is empty: channel authentication is OFF. This is for local development with the Agents Playground only.")]
    public static partial void AuthenticationOff(ILogger logger);

    [LoggerMessage(2006, LogLevel.Warning, "Activity {ActivityId} in {ConversationId} refused with 403: tenant {TenantId} is not in AllowedTenants")]
    public static partial void TenantRefused(ILogger logger, string? tenantId, string? activityId, string? conversationId);

    [LoggerMessage(2010, LogLevel.Information, "OspBot was installed in {ConversationType} conversation {ConversationId}")]
    public static partial void Installed(ILogger logger, string? conversationType, string? conversationId);

    [LoggerMessage(2011, LogLevel.Information, "OspBot was removed from conversation {ConversationId}")]
    public static partial void Removed(ILogger logger, string? conversationId);

    [LoggerMessage(2012, LogLevel.Information, "Kept the e-mail of the unmatched Teams user in conversation {ConversationId}")]
    public static partial void MemberEmailKept(ILogger logger, string conversationId);

    [LoggerMessage(2013, LogLevel.Warning, "Could not get the e-mail of the unmatched Teams user in conversation {ConversationId}; the directory card shows their Teams name only")]
    public static partial void MemberEmailFailed(ILogger logger, Exception exception, string conversationId);
}
