namespace OspBot.Meetings;

/// The meetings' events on the bot's side (ids 1480–1489; the Core's meeting events are 1401–1479).
internal static partial class MeetingsLog
{
    [LoggerMessage(1480, LogLevel.Information, "Meeting {MeetingId}: .ics invitation downloaded by person {PersonId}")]
    public static partial void MeetingInvitationDownloaded(ILogger logger, int meetingId, int personId);

    [LoggerMessage(1481, LogLevel.Information, "Schedule form {FormId} pressed again: showing meeting {MeetingId} instead of booking another")]
    public static partial void ScheduleRepeated(ILogger logger, string formId, int meetingId);
}
