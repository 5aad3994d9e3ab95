using Microsoft.Extensions.Logging;
using OspBot.Meetings;
using Quartz;

namespace OspBot.Jobs.Meetings;

/// Retries meetings an outage left waiting for their calendar event (same transaction id, so never a second
/// event), then installs OspBot for members whose messages found no chat. Reminders themselves are sent by the
/// rounds' every-minute dispatch job, from the stored deliveries.
[DisallowConcurrentExecution]
internal sealed class MeetingUpkeepJob(MeetingService meetings, MemberAppInstaller installer, ILogger<MeetingUpkeepJob> logger) : IJob
{
    public static readonly JobKey Key = new("meeting-upkeep", "meetings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            var booked = await meetings.RetryPendingAsync(ct);
            var installed = await installer.InstallForUnreachableAsync(ct);
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
