using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OspBot.Observability;

/// EF Core's commands, on SQLite and PostgreSQL alike: a span and a duration each, named by the statement's first
/// keyword, never its text. Registered only when telemetry is on. EF reports each command after the fact with its
/// start and duration, so the span is stamped with those rather than timed here.
internal sealed class DbCommandTelemetry : DbCommandInterceptor
{
    public const string SpanName = "ospbot.db.command";
    public const string SystemTag = "db.system.name";
    public const string OperationTag = "db.operation.name";

    public static readonly DbCommandTelemetry Instance = new();

    private static readonly Histogram<double> Duration =
        OspTelemetry.Duration("ospbot.db.command.duration", "EF Core database commands");

    private static readonly string[] Operations =
        ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "PRAGMA", "CREATE", "ALTER", "DROP", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"];

    private DbCommandTelemetry()
    {
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Recorded(command, eventData, null, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, null, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Recorded(command, eventData, null, result);

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, null, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Recorded(command, eventData, null, result);

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, null, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Recorded(command, eventData, eventData?.Exception.GetType().FullName, 0);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Recorded(command, eventData, eventData?.Exception.GetType().FullName, 0);
        return Task.CompletedTask;
    }

    private static T Recorded<T>(DbCommand command, CommandEndEventData? eventData, string? errorType, T result)
    {
        if (eventData is null || (!Duration.Enabled && !OspTelemetry.Source.HasListeners()))
        {
            return result;
        }
        var system = SystemOf(command);
        var operation = OperationOf(command.CommandText);
        var tags = new TagList { { SystemTag, system }, { OperationTag, operation } };
        if (errorType is not null)
        {
            tags.Add(OspTelemetry.ErrorType, errorType);
        }
        Duration.Record(eventData.Duration.TotalSeconds, tags);

        using var span = OspTelemetry.Source.StartActivity(SpanName, ActivityKind.Client, parentContext: default, startTime: eventData.StartTime);
        if (span is not null)
        {
            span.SetTag(SystemTag, system).SetTag(OperationTag, operation);
            span.SetEndTime(eventData.StartTime.UtcDateTime + eventData.Duration);
            if (errorType is not null)
            {
                OspTelemetry.Fail(span, errorType);
            }
        }
        return result;
    }

    private static string SystemOf(DbCommand command) => command switch
    {
        Npgsql.NpgsqlCommand => "postgresql",
        Microsoft.Data.Sqlite.SqliteCommand => "sqlite",
        _ => "other_sql",
    };

    /// The statement's first keyword (SELECT, UPDATE …), or OTHER: a fixed set, so the attribute stays low-cardinality.
    internal static string OperationOf(string? sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }
        var keyword = text[..end];
        foreach (var operation in Operations)
        {
            if (keyword.Equals(operation, StringComparison.OrdinalIgnoreCase))
            {
                return operation;
            }
        }
        return "OTHER";
    }
}
