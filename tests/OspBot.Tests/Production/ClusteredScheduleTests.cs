using System.Collections.Concurrent;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Jobs;
using Quartz;

namespace OspBot.Tests.Production;

/// Issue 6: two instances clustered on one PostgreSQL database share one schedule, and each trigger fires once.
[Collection(PostgresTests.Name)]
public sealed class ClusteredScheduleTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Jobs = 50;

    /// Records each run by job and scheduler; static because Quartz builds the job, and both hosts live in this process.
    internal sealed class CountingJob : IJob
    {
        public static readonly ConcurrentQueue<(JobKey Job, string Instance)> Runs = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            Runs.Enqueue((context.JobDetail.Key, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_schedule_of_50_jobs_on_two_clustered_instances_fires_50_times_each_job_once()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        Dictionary<string, string?> Settings(string instance) => new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database,
            ["Jobs:InstanceId"] = instance,
        };
        using var first = TestDatabases.BuildHost(TestDatabases.TempFolder(), Settings("node-a"));
        using var second = TestDatabases.BuildHost(TestDatabases.TempFolder(), Settings("node-b"));
        await Task.WhenAll(first.StartAsync(ct), second.StartAsync(ct));
        var a = await QuartzStoreTests.RunningSchedulerAsync(first, ct);
        var b = await QuartzStoreTests.RunningSchedulerAsync(second, ct);
        Assert.Equal(("node-a", "node-b"), (await a.GetSchedulerInstanceId(ct), await b.GetSchedulerInstanceId(ct)));

        // Scheduled through one instance, due together a moment later: both instances compete for every trigger.
        var group = Guid.NewGuid().ToString("N");
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var i = 0; i < Jobs; i++)
        {
            await a.ScheduleJob(
                JobBuilder.Create<CountingJob>().WithIdentity($"job-{i}", group).Build(),
                TriggerBuilder.Create().WithIdentity($"job-{i}", group).StartAt(at).Build(),
                new ScheduleJobOptions(), ct);
        }

        // The jobs run in two schedulers polling a shared PostgreSQL store: nothing in-process to await.
        await Eventually.TrueAsync(() => RunsOf(group).Count >= Jobs, TimeSpan.FromSeconds(60), $"{Jobs} job runs", ct);

        // Time for a second firing of any trigger to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var runs = RunsOf(group);
        Assert.Equal(Jobs, runs.Count);
        Assert.Equal(Jobs, runs.Select(r => r.Job.Name).Distinct().Count());
        Assert.All(runs, r => Assert.True(r.Instance is "node-a" or "node-b", r.Instance));
        output.WriteLine($"node-a ran {runs.Count(r => r.Instance == "node-a")}, node-b ran {runs.Count(r => r.Instance == "node-b")}");
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));
    }

    private static List<(JobKey Job, string Instance)> RunsOf(string group) => [.. CountingJob.Runs.Where(r => r.Job.Group == group)];
}
