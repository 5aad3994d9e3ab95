using Microsoft.Extensions.Logging;

namespace OspBot;

/// The meeting calendar's events (ids 13xx); part of OspBot.Core's Log, kept beside the feature.
internal static partial class Log
{
    [LoggerMessage(1401, LogLevel.Information, "Meeting calendar: Microsoft Graph on {Organiser} with {Credential}")]
    public static partial void GraphCalendarConfigured(this ILogger logger, string organiser, string credential);

    [LoggerMessage(1403, LogLevel.Information, "Created calendar event {EventId} in {Organiser} (transaction {TransactionId})")]
    public static partial void CalendarEventCreated(this ILogger logger, string eventId, string organiser, string transactionId);

    [LoggerMessage(1404, LogLevel.Information, "Moved calendar event {EventId} in {Organiser}")]
    public static partial void CalendarEventMoved(this ILogger logger, string eventId, string organiser);

    [LoggerMessage(1405, LogLevel.Information, "Cancelled calendar event {EventId} in {Organiser}")]
    public static partial void CalendarEventCancelled(this ILogger logger, string eventId, string organiser);

    [LoggerMessage(1406, LogLevel.Information, "Teams app for {UserId}: {Outcome}")]
    public static partial void TeamsAppInstalled(this ILogger logger, string userId, string outcome);

    [LoggerMessage(1407, LogLevel.Warning, "Graph {Operation} failed: status {Status}, code {Code}, {Reason}")]
    public static partial void GraphCallFailed(this ILogger logger, string operation, int? status, string? code, string reason);
}
