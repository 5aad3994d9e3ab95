using Microsoft.Extensions.Logging;

namespace OspBot;

/// E-mail as the outbox's second channel (ids 1600-1609); part of OspBot.Core's Log, kept beside the feature.
internal static partial class Log
{
    [LoggerMessage(1600, LogLevel.Information, "E-mail to {To} (\"{Subject}\") written to {Path}: no mail service is configured (Graph or Mail:Smtp:Host)")]
    public static partial void MailWritten(this ILogger logger, string to, string subject, string path);

    [LoggerMessage(1601, LogLevel.Information, "E-mail goes out through {Transport}")]
    public static partial void MailTransportChosen(this ILogger logger, string transport);

    [LoggerMessage(1602, LogLevel.Error, "E-mail to {To} was refused: {Reason}")]
    public static partial void MailRefused(this ILogger logger, string to, string reason);

    [LoggerMessage(1603, LogLevel.Information, "Apologies link of person {PersonId} for meeting {MeetingId} used from {RemoteAddress}: {Outcome}")]
    public static partial void ApologiesByEmailLink(this ILogger logger, int personId, int meetingId, string outcome, string remoteAddress);
}
