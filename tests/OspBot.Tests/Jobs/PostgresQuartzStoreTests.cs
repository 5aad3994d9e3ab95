using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OspBot.Tests.Data;
using Quartz;

namespace OspBot.Tests.Jobs;

[Collection(PostgresTests.Name)]
public sealed class PostgresQuartzStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_clustered_instances_share_the_postgres_schedule_and_it_survives_a_restart()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = await postgres.CreateDatabaseAsync(ct),
        };

        using (var first = TestDatabases.BuildHost(TestDatabases.TempFolder(), settings))
        using (var second = TestDatabases.BuildHost(TestDatabases.TempFolder(), settings))
        {
            await Task.WhenAll(first.StartAsync(ct), second.StartAsync(ct));
            var a = await QuartzStoreTests.RunningSchedulerAsync(first, ct);
            var b = await QuartzStoreTests.RunningSchedulerAsync(second, ct);
            Assert.True((await a.GetMetadata(ct)).JobStoreClustered);
            Assert.NotEqual(await a.GetSchedulerInstanceId(ct), await b.GetSchedulerInstanceId(ct));

            await QuartzStoreTests.ScheduleYearlyAsync(a, QuartzStoreTests.Key, ct);
            Assert.True(await b.Exists(QuartzStoreTests.Key, ct));
            await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));
        }

        await using (var connection = new NpgsqlConnection(settings["Database:ConnectionString"]))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz_%'", connection);
            Assert.True((long)(await command.ExecuteScalarAsync(ct))! >= 10);
        }

        using var restarted = TestDatabases.BuildHost(TestDatabases.TempFolder(), settings);
        await restarted.StartAsync(ct);
        var scheduler = await QuartzStoreTests.RunningSchedulerAsync(restarted, ct);
        Assert.True(await scheduler.Exists(QuartzStoreTests.Key, ct));
        await restarted.StopAsync(ct);
    }
}
