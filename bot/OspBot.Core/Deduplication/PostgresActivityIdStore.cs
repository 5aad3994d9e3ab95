using Npgsql;

namespace OspBot.Deduplication;

/// IActivityIdStore on the shared PostgreSQL database: one INSERT … ON CONFLICT per new activity, so the hot path
/// is a single round trip. Plain Npgsql rather than EF: no scope or change tracker per activity. The table comes
/// from the EF model (SeenActivity, migration AddSharedDeduplication).
internal sealed class PostgresActivityIdStore(NpgsqlDataSource dataSource, TimeProvider clock) : IActivityIdStore
{
    /// Longer than the in-memory front remembers (two generations of three minutes), so a repeat is caught either way.
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    /// A run still unfinished after this was on an instance that died (SIGKILL, power): a re-delivery may run again.
    /// Far longer than any turn; Teams re-delivers within seconds, so this rarely matters.
    public static readonly TimeSpan TakeOverAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private long _nextPruneTicks;

    public async Task<ActivityClaim> TryStartAsync(Guid key, CancellationToken ct)
    {
        // Twice at most: a row forgotten between the insert and the read (a run cancelled at shutdown) is new again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await TryInsertAsync(key, ct))
            {
                return ActivityClaim.Started;
            }

            if (await ReadAsync(key, ct) is { } existing)
            {
                return existing;
            }
        }

        return ActivityClaim.Running;
    }

    private async Task<bool> TryInsertAsync(Guid key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO "SeenActivities" ("Key", "StartedAt") VALUES ($1, $2)
            ON CONFLICT ("Key") DO UPDATE SET "StartedAt" = EXCLUDED."StartedAt"
                WHERE "SeenActivities"."FinishedAt" IS NULL AND "SeenActivities"."StartedAt" < $3
            RETURNING 1
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now - TakeOverAfter });
        return await insert.ExecuteScalarAsync(ct) is not null;
    }

    private async Task<ActivityClaim?> ReadAsync(Guid key, CancellationToken ct)
    {
        await using var select = dataSource.CreateCommand("""
            SELECT "FinishedAt" IS NOT NULL, "AnswerStatus", "AnswerBody" FROM "SeenActivities" WHERE "Key" = $1
            """);
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        await using var row = await select.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct))
        {
            return null;
        }

        return row.GetBoolean(0)
            ? new ActivityClaim.Finished(await row.IsDBNullAsync(1, ct) ? null : row.GetInt32(1), await row.IsDBNullAsync(2, ct) ? null : row.GetString(2))
            : ActivityClaim.Running;
    }

    public async Task FinishAsync(Guid key, int? answerStatus, string? answerBody, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var batch = dataSource.CreateBatch();
        var finish = new NpgsqlBatchCommand("""
            UPDATE "SeenActivities" SET "FinishedAt" = $2, "AnswerStatus" = $3, "AnswerBody" = $4 WHERE "Key" = $1
            """);
        finish.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        finish.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        finish.Parameters.Add(new NpgsqlParameter { Value = (object?)answerStatus ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        finish.Parameters.Add(new NpgsqlParameter { Value = (object?)answerBody ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        batch.BatchCommands.Add(finish);

        // Pruning rides along with a finish about once a minute per instance: no job, and no extra round trip.
        var last = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks >= last && Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks, last) == last)
        {
            var prune = new NpgsqlBatchCommand("""DELETE FROM "SeenActivities" WHERE "StartedAt" < $1""");
            prune.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now - Retention });
            batch.BatchCommands.Add(prune);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task ForgetAsync(Guid key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM "SeenActivities" WHERE "Key" = $1 AND "FinishedAt" IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        await command.ExecuteNonQueryAsync(ct);
    }
}
