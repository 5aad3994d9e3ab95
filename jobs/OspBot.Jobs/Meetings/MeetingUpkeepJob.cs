using Microsoft.Extensions.Logging;
using OspBot.Meetings;
using Quartz;

namespace OspBot.Jobs.Meetings;

/// Runs the meetings' upkeep (MeetingUpkeep: calendar retries, app installs). Reminders themselves are sent by the
/// outbox's every-minute dispatch job.
[DisallowConcurrentExecution]
internal sealed class MeetingUpkeepJob(MeetingUpkeep upkeep, ILogger<MeetingUpkeepJob> logger) : IJob
{
    public static readonly JobKey Key = new("meeting-upkeep", "meetings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            var (booked, installed) = await upkeep.RunAsync(ct);
            if (booked + installed > 0)
            {
                logger.UpkeepDone(booked, installed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.UpkeepFailed(ex);
            throw new JobExecutionException("Meeting upkeep failed.", ex);
        }
    }
}

internal static partial class MeetingJobsLog
{
    [LoggerMessage(3101, LogLevel.Information, "Meeting upkeep: {Booked} meeting(s) booked after an outage, OspBot installed for {Installed} member(s)")]
    public static partial void UpkeepDone(this ILogger logger, int booked, int installed);

    [LoggerMessage(3102, LogLevel.Error, "Meeting upkeep failed")]
    public static partial void UpkeepFailed(this ILogger logger, Exception ex);
}
