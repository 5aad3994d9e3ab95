using Quartz;

namespace OspBot.Jobs;

/// One run of a durable, recoverable job for one stored record (an annual report's compilation, a meeting pack's
/// build), due at once on whichever instance picks it up; the job data is only the record's id.
internal static class RunNow
{
    /// "At once" is the bot's clock, the one Quartz schedules by, so the trigger is never due only by another clock.
    public static async Task QueueAsync<TJob>(ISchedulerFactory schedulers, JobKey job, string idKey, int id, DateTimeOffset now, CancellationToken ct)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(job);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.AddJob(JobBuilder.Create<TJob>().WithIdentity(job).StoreDurably().RequestRecovery().Build(), AddJobOptions.Replacing, ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{job.Name}-{id}", job.Group)
            .ForJob(job)
            .UsingJobData(idKey, id)
            .StartAt(now)
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
            // Another instance's start-up recovery queued the same run a moment ago: once is enough.
        }
    }
}
