using OspBot.MeetingPack;
using Quartz;

namespace OspBot.Jobs.MeetingPack;

/// Builds one meeting pack (MeetingPackRunner). Durable and recoverable like the annual report's compile job: a crash
/// mid-run fires it again after restart and the build starts over; the job data is only the build id.
[DisallowConcurrentExecution]
internal sealed class BuildMeetingPackJob(MeetingPackRunner runner) : IJob
{
    public const string BuildIdKey = "buildId";

    public static readonly JobKey Key = new("build-meeting-pack", "meeting-pack");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.MergedJobDataMap.GetInt(BuildIdKey);
        try
        {
            await runner.RunAsync(id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new JobExecutionException($"Building meeting pack {id} failed.", ex);
        }
    }
}

/// Queues a build as a run of the build job (RunNow).
internal sealed class QuartzMeetingPackJobs(ISchedulerFactory schedulers, TimeProvider clock) : IMeetingPackJobs
{
    public Task QueueAsync(int buildId, CancellationToken ct) =>
        RunNow.QueueAsync<BuildMeetingPackJob>(schedulers, BuildMeetingPackJob.Key, BuildMeetingPackJob.BuildIdKey, buildId, clock.GetUtcNow(), ct);
}
