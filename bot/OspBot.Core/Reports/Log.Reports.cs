using Microsoft.Extensions.Logging;

namespace OspBot;

/// The annual report's events (ids 15xx); part of OspBot.Core's Log, kept beside the feature.
internal static partial class Log
{
    [LoggerMessage(1501, LogLevel.Information, "Report compilation {CompilationId} for {Year} requested by person {PersonId}")]
    public static partial void CompilationRequested(this ILogger logger, int compilationId, string year, int personId);

    [LoggerMessage(1502, LogLevel.Information, "Report compilation {CompilationId} succeeded: {FileName}, {Missing} update(s) missing")]
    public static partial void CompilationSucceeded(this ILogger logger, int compilationId, string fileName, int missing);

    [LoggerMessage(1503, LogLevel.Error, "Report compilation {CompilationId} failed")]
    public static partial void CompilationFailed(this ILogger logger, Exception exception, int compilationId);

    [LoggerMessage(1504, LogLevel.Warning, "Report compilation {CompilationId} was left {State}; running it again")]
    public static partial void CompilationResumed(this ILogger logger, int compilationId, string state);

    [LoggerMessage(1505, LogLevel.Information, "Report {CompilationId} downloaded by person {PersonId}")]
    public static partial void ReportDownloaded(this ILogger logger, int compilationId, int personId);

    [LoggerMessage(1506, LogLevel.Information, "Report {FileName} uploaded to drive {DriveId} as {Path}")]
    public static partial void ReportPublished(this ILogger logger, string fileName, string driveId, string path);

    [LoggerMessage(1507, LogLevel.Warning, "Report {FileName} could not be uploaded to drive {DriveId}: {Reason}")]
    public static partial void ReportPublishFailed(this ILogger logger, Exception exception, string fileName, string driveId, string reason);
}
