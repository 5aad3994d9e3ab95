using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Outbox;
using Quartz;

namespace OspBot.Jobs.Outbox;

/// Sends the due prompts, chasers, reminders, digests and meeting reminders. One at a time per scheduler: claims are
/// atomic anyway, but two overlapping runs would only compete for the same rows.
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, ILogger<OutboxDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch", "outbox");

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
            throw new JobExecutionException("Outbox dispatch failed.", ex);
        }
    }
}

/// Runs the dispatch job at once instead of waiting for its next scheduled minute; a no-op when it is switched off.
internal sealed class QuartzDispatchNow(ISchedulerFactory schedulers, IOptions<OutboxJobsOptions> options) : IDispatchNow
{
    public async Task TriggerAsync(CancellationToken ct)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(OutboxDispatchJob.Key, new JobDataMap(), ct);
    }
}

internal static partial class OutboxJobsLog
{
    [LoggerMessage(3001, LogLevel.Information, "Outbox dispatch sent {Sent} message(s)")]
    public static partial void DispatchSent(this ILogger logger, int sent);

    [LoggerMessage(3002, LogLevel.Error, "Outbox dispatch failed")]
    public static partial void DispatchFailed(this ILogger logger, Exception ex);
}
