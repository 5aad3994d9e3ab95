using Microsoft.Extensions.Logging;
using OspBot.Rounds;

namespace OspBot;

/// The events of OspBot.Core worth an id: schema changes, seeding and reachability.
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Applied {Count} database migration(s), now at {Migration}")]
    public static partial void MigrationsApplied(this ILogger logger, int count, string migration);

    [LoggerMessage(1101, LogLevel.Information, "Seeded the member directory from {Source}: {Groups} groups, {People} people")]
    public static partial void DirectorySeeded(this ILogger logger, string source, int groups, int people);

    [LoggerMessage(1102, LogLevel.Information, "Directory file {Source} applied: {Changes} changes, {Kept} kept that the file does not have")]
    public static partial void DirectoryMerged(this ILogger logger, string source, int changes, int kept);

    [LoggerMessage(1103, LogLevel.Information, "Directory file {Source}: {Change}")]
    public static partial void DirectoryChanged(this ILogger logger, string source, string change);

    [LoggerMessage(1104, LogLevel.Information, "Directory file {Source}: {Kept}")]
    public static partial void DirectoryKept(this ILogger logger, string source, string kept);

    [LoggerMessage(1105, LogLevel.Critical, "{Message}")]
    public static partial void DirectoryConflict(this ILogger logger, string message);

    [LoggerMessage(1201, LogLevel.Warning, "Conversation {ConversationId} is unreachable: {Reason}")]
    public static partial void ConversationUnreachable(this ILogger logger, string conversationId, string reason);

    [LoggerMessage(1202, LogLevel.Information, "Conversation {ConversationId} is reachable again")]
    public static partial void ConversationReachableAgain(this ILogger logger, string conversationId);

    [LoggerMessage(1301, LogLevel.Information, "Round {RoundId} ({Quarter}) opened by {OpenedBy}: {Prompts} prompt(s) queued")]
    public static partial void RoundOpened(this ILogger logger, int roundId, string quarter, string openedBy, int prompts);

    [LoggerMessage(1302, LogLevel.Information, "Round {RoundId} closed by {ClosedBy}")]
    public static partial void RoundClosed(this ILogger logger, int roundId, string closedBy);

    [LoggerMessage(1303, LogLevel.Information, "Update {UpdateId} reopened by {ReopenedBy}")]
    public static partial void UpdateReopened(this ILogger logger, int updateId, string reopenedBy);

    [LoggerMessage(1304, LogLevel.Information, "Update {UpdateId}: version {Version} ({Kind}) saved by person {PersonId}")]
    public static partial void UpdateVersionSaved(this ILogger logger, int updateId, int version, VersionKind kind, int personId);
}
