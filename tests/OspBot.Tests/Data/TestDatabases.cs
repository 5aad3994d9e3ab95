using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OspBot.Data;
using OspBot.Jobs;

namespace OspBot.Tests.Data;

/// Databases and hosts for the data tests: a migrated SQLite context on a temp file or in memory, and a generic
/// host running AddOspDatabase + AddOspJobs the way the bot does.
internal static class TestDatabases
{
    public static string TempFolder() => Directory.CreateTempSubdirectory("ospbot-test-").FullName;

    public static SqliteOspDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteOspDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(SqlitePragmas.Instance)
            .Options);

    public static PostgresOspDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresOspDbContext>().UseNpgsql(connectionString).Options);

    /// A migrated in-memory database that lives as long as the returned connection.
    public static async Task<(SqliteConnection KeepAlive, string ConnectionString)> InMemoryAsync(CancellationToken ct)
    {
        var connectionString = $"Data Source=osp-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync(ct);
        await using var db = Sqlite(connectionString);
        await MigrateOnStartup.MigrateAsync(db, NullLogger.Instance, ct);
        return (keepAlive, connectionString);
    }

    public static IHost BuildHost(string contentRoot, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Testing",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOspDatabase();
        builder.AddOspJobs();
        return builder.Build();
    }
}
