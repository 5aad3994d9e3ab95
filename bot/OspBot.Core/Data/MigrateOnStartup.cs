using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OspBot.Data;

/// Brings the database schema up to date before anything else starts.
internal sealed class MigrateOnStartup(IServiceScopeFactory scopes, ILogger<MigrateOnStartup> logger) : IHostedService
{
    // Any fixed number works; it only has to be the same in every instance of OspBot sharing the database.
    internal const long PostgresLockKey = 0x05B_B07_DB;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        await MigrateAsync(db, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static async Task MigrateAsync(OspDbContext db, ILogger logger, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await PrepareSqliteFileAsync(db, ct);
            await ApplyAsync(db, logger, ct);
            return;
        }

        // Two instances starting together would both try to apply the same migrations; the session-level
        // advisory lock makes the second wait, then find nothing pending.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            try
            {
                await ApplyAsync(db, logger, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ApplyAsync(OspDbContext db, ILogger logger, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        await db.Database.MigrateAsync(ct);
        logger.MigrationsApplied(pending.Count, pending[^1]);
    }

    /// Creates the folder of a SQLite file and switches the file to WAL, which lets the scheduler's and the
    /// bot's connections read while one of them writes. WAL is a property of the file, so once is enough.
    private static async Task PrepareSqliteFileAsync(OspDbContext db, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (DatabaseOptions.IsInMemory(connectionString))
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);
    }
}
