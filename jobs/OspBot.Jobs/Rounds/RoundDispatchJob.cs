using Microsoft.Extensions.Logging;
using Quartz;

namespace OspBot.Jobs.Rounds;

/// Sends due prompts, chasers, reminders and digests. One at a time per scheduler: claims are atomic anyway,
/// but two overlapping runs would only compete for the same rows.
[DisallowConcurrentExecution]
internal sealed class RoundDispatchJob(RoundDispatcher dispatcher, ILogger<RoundDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("round-dispatch", "rounds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            var sent = await dispatcher.DispatchAsync(ct);
            if (sent > 0)
            {
                logger.DispatchSent(sent);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.DispatchFailed(ex);
            throw new JobExecutionException("Round dispatch failed.", ex);
        }
    }
}

/// Runs the dispatch job at once (a round was opened, or "remind now" was pressed), instead of waiting for its
/// next scheduled minute. A no-op when the job is switched off.
internal sealed class RoundDispatchNow(ISchedulerFactory schedulers, Microsoft.Extensions.Options.IOptions<RoundJobsOptions> options)
{
    public async Task TriggerAsync(CancellationToken ct)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(RoundDispatchJob.Key, new JobDataMap(), ct);
    }
}
