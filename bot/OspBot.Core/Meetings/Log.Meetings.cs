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

    [LoggerMessage(1420, LogLevel.Information, "Set the line {Label} in the body of calendar event {EventId} in {Organiser}")]
    public static partial void CalendarEventLineSet(this ILogger logger, string label, string eventId, string organiser);

    [LoggerMessage(1405, LogLevel.Information, "Cancelled calendar event {EventId} in {Organiser}")]
    public static partial void CalendarEventCancelled(this ILogger logger, string eventId, string organiser);

    [LoggerMessage(1406, LogLevel.Information, "Teams app for {UserId}: {Outcome}")]
    public static partial void TeamsAppInstalled(this ILogger logger, string userId, string outcome);

    [LoggerMessage(1407, LogLevel.Warning, "Graph {Operation} failed: status {Status}, code {Code}, {Reason}")]
    public static partial void GraphCallFailed(this ILogger logger, string operation, int? status, string? code, string reason);

    [LoggerMessage(1410, LogLevel.Information, "Meeting {MeetingId} of group {GroupId} scheduled by {By} (in calendar: {InCalendar}); {Reminders} reminder(s) queued")]
    public static partial void MeetingScheduled(this ILogger logger, int meetingId, int groupId, string by, bool inCalendar, int reminders);

    [LoggerMessage(1411, LogLevel.Warning, "Meeting {MeetingId}: calendar create failed ({Reason}); retryable {Retryable}")]
    public static partial void MeetingCalendarFailed(this ILogger logger, int meetingId, string reason, bool retryable);

    [LoggerMessage(1412, LogLevel.Information, "Meeting {MeetingId} moved (sequence {Sequence}); {Reminders} reminder(s) re-planned")]
    public static partial void MeetingMoved(this ILogger logger, int meetingId, int sequence, int reminders);

    [LoggerMessage(1413, LogLevel.Information, "Meeting {MeetingId} cancelled; {Reminders} pending reminder(s) cancelled")]
    public static partial void MeetingCancelled(this ILogger logger, int meetingId, int reminders);

    [LoggerMessage(1414, LogLevel.Warning, "Meeting {MeetingId}: its calendar event {EventId} was gone (deleted in Outlook?)")]
    public static partial void MeetingEventGone(this ILogger logger, int meetingId, string? eventId);

    [LoggerMessage(1415, LogLevel.Information, "Apologies for meeting {MeetingId} from person {PersonId}")]
    public static partial void ApologiesSent(this ILogger logger, int meetingId, int personId);

    [LoggerMessage(1417, LogLevel.Warning, "Could not read the automatic replies of person {PersonId}: {Error}")]
    public static partial void AutomaticRepliesUnreadable(this ILogger logger, int personId, string error);

    [LoggerMessage(1418, LogLevel.Information, "Installed OspBot for person {PersonId} ({Outcome}); {Deliveries} delivery(ies) retried after the grace")]
    public static partial void AppInstalledForPerson(this ILogger logger, int personId, string outcome, int deliveries);

    [LoggerMessage(1419, LogLevel.Warning, "Could not install OspBot for person {PersonId}: {Error}")]
    public static partial void AppInstallFailed(this ILogger logger, int personId, string error);
}
