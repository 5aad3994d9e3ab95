using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OspBot.Data;

namespace OspBot.Tests.Data;

[Collection(PostgresTests.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_instances_migrating_together_apply_each_migration_once()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);

        await using var first = TestDatabases.Postgres(connectionString);
        await using var second = TestDatabases.Postgres(connectionString);
        await Task.WhenAll(
            MigrateOnStartup.MigrateAsync(first, NullLogger.Instance, ct),
            MigrateOnStartup.MigrateAsync(second, NullLogger.Instance, ct));

        await using var check = TestDatabases.Postgres(connectionString);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(
            check.Database.GetMigrations().Count(),
            (await check.Database.GetAppliedMigrationsAsync(ct)).Count());
        Assert.Equal(0, await check.People.CountAsync(ct));
    }
}
