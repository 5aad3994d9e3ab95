using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OspBot.Data;

namespace OspBot.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = TestDatabases.Sqlite("Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet run --project bot/OspBot.DesignTime -- add <Name>");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = TestDatabases.Postgres("Host=localhost");
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet run --project bot/OspBot.DesignTime -- add <Name>");
    }

    [Fact]
    public async Task Migrating_an_in_memory_database_creates_the_tables()
    {
        var ct = TestContext.Current.CancellationToken;
        var (keepAlive, connectionString) = await TestDatabases.InMemoryAsync(ct);
        await using var _ = keepAlive;
        await using var db = TestDatabases.Sqlite(connectionString);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(0, await db.Conversations.CountAsync(ct));
    }

    [Fact]
    public async Task Starting_on_a_fresh_sqlite_file_creates_its_folder_migrates_and_switches_to_wal()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = TestDatabases.TempFolder();
        using (var host = TestDatabases.BuildHost(root, new Dictionary<string, string?>()))
        {
            await host.StartAsync(ct);
            await host.StopAsync(ct);
        }

        var file = Path.Combine(root, "data", "ospbot.db");
        Assert.True(File.Exists(file));
        await using var db = TestDatabases.Sqlite($"Data Source={file}");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync(ct));
    }

    [Fact]
    public void A_relative_sqlite_path_is_taken_from_the_content_root()
    {
        var resolved = DatabaseOptions.ResolveSqlite("Data Source=db/x.db", "/srv/ospbot");
        Assert.Equal($"Data Source={Path.GetFullPath("/srv/ospbot/db/x.db")}", resolved);
        Assert.Equal("Data Source=:memory:", DatabaseOptions.ResolveSqlite("Data Source=:memory:", "/srv/ospbot"));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_fails_at_start_naming_the_setting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = TestDatabases.BuildHost(TestDatabases.TempFolder(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
        });

        // The scheduler's store objects too, so the host may report both failures together.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(ct));
        var validation = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.Contains(validation, e => e is OptionsValidationException
            && e.Message.Contains("Database:ConnectionString is required when Database:Provider is Postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void The_database_and_scheduler_health_checks_are_tagged_ready()
    {
        using var host = TestDatabases.BuildHost(TestDatabases.TempFolder(), new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source=osp-{Guid.NewGuid():N};Mode=Memory;Cache=Shared",
        });
        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Contains(checks, c => c.Name == "database" && c.Tags.Contains("ready"));
        Assert.Contains(checks, c => c.Name == "scheduler" && c.Tags.Contains("ready"));
    }

    [Fact]
    public async Task A_started_app_on_a_sqlite_file_reports_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = TestDatabases.BuildHost(TestDatabases.TempFolder(), []);
        await host.StartAsync(ct);
        await Jobs.QuartzStoreTests.RunningSchedulerAsync(host, ct);

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
        await host.StopAsync(ct);

        Assert.Equal(["database", "scheduler"], report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
    }
}
