using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Conversations;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using Quartz;

namespace OspBot.Tests.Jobs;

public sealed class QuartzStoreTests
{
    internal sealed class IdleJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    internal static readonly JobKey Key = new("survives-restart", "tests");

    internal static async Task ScheduleYearlyAsync(IScheduler scheduler, JobKey key, CancellationToken ct) =>
        await scheduler.ScheduleJob(
            JobBuilder.Create<IdleJob>().WithIdentity(key).Build(),
            TriggerBuilder.Create().WithIdentity(key.Name, key.Group).WithCronSchedule("0 0 3 1 1 ?").Build(),
            new ScheduleJobOptions(),
            ct);

    /// The hosted service starts the scheduler once the application has started, i.e. just after StartAsync.
    internal static async Task<IScheduler> RunningSchedulerAsync(IHost host, CancellationToken ct)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        await Eventually.TrueAsync(async token => await scheduler.GetStatus(token) == SchedulerStatus.Running,
            TimeSpan.FromSeconds(30), "the scheduler to run", ct);
        return scheduler;
    }

    [Fact]
    public async Task Sqlite_store_creates_its_tables_and_keeps_a_job_across_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = TestDatabases.TempFolder();
        using (var host = TestDatabases.BuildHost(root, []))
        {
            await host.StartAsync(ct);
            var scheduler = await RunningSchedulerAsync(host, ct);
            Assert.True((await scheduler.GetMetadata(ct)).JobStorePersistent);
            await ScheduleYearlyAsync(scheduler, Key, ct);
            await host.StopAsync(ct);
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(root, "data", "ospbot.db")};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ_%'";
            Assert.True((long)(await command.ExecuteScalarAsync(ct))! >= 10);
        }

        using (var host = TestDatabases.BuildHost(root, []))
        {
            await host.StartAsync(ct);
            var scheduler = await RunningSchedulerAsync(host, ct);
            Assert.True(await scheduler.Exists(Key, ct));
            Assert.NotNull(await scheduler.GetTrigger(new TriggerKey(Key.Name, Key.Group), ct));
            await host.StopAsync(ct);
        }
    }

    [Fact]
    public async Task Scheduler_and_ef_core_write_the_same_sqlite_file_at_once_without_errors()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = TestDatabases.BuildHost(TestDatabases.TempFolder(), []);
        await host.StartAsync(ct);
        var scheduler = await RunningSchedulerAsync(host, ct);

        var quartzWrites = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await ScheduleYearlyAsync(scheduler, new JobKey($"job-{i}", "load"), ct);
            }
        }, ct);
        var efWrites = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<ConversationStore>();
                await store.RecordAsync(new ConversationSnapshot
                {
                    ConversationId = $"a:{worker}-{i}",
                    ChannelId = "msteams",
                    ServiceUrl = "https://smba.trafficmanager.net/uk/",
                }, ct);
            }
        }, ct));
        await Task.WhenAll([quartzWrites, .. efWrites]);

        Assert.Equal(40, (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("load"), ct)).Count);
        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<OspBot.Data.OspDbContext>();
        Assert.Equal(80, db.Conversations.Count());
        await host.StopAsync(ct);
    }
}
