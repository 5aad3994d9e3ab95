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

/// Queues a build as a Quartz trigger of the build job, run now on whichever instance picks it up. "Now" is the bot's
/// clock, the one Quartz schedules by, so a trigger is never due only by another clock.
internal sealed class QuartzMeetingPackJobs(ISchedulerFactory schedulers, TimeProvider clock) : IMeetingPackJobs
{
    public async Task QueueAsync(int buildId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<BuildMeetingPackJob>().WithIdentity(BuildMeetingPackJob.Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"build-meeting-pack-{buildId}", "meeting-pack")
            .ForJob(BuildMeetingPackJob.Key)
            .UsingJobData(BuildMeetingPackJob.BuildIdKey, buildId)
            .StartAt(clock.GetUtcNow())
            .Build();
        try
        {
            if (!await scheduler.Exists(trigger.Key, ct))
            {
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
            }
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance's start-up recovery queued the same build a moment ago: once is enough.
        }
    }
}
