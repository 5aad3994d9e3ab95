using Microsoft.Extensions.Logging;
using OspBot.MeetingPack;
using Quartz;

namespace OspBot.Jobs.MeetingPack;

/// Queues a build of the first pack of each round whose deadline has passed (MeetingPackBuilds.QueueDueAsync); the
/// build job makes it. The secretariat builds later versions with `meeting pack`.
[DisallowConcurrentExecution]
internal sealed class MeetingPackJob(MeetingPackBuilds builds, ILogger<MeetingPackJob> logger) : IJob
{
    public static readonly JobKey Key = new("meeting-pack-due", "meeting-pack");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            foreach (var buildId in await builds.QueueDueAsync(ct))
            {
                logger.PackQueued(buildId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.PackFailed(ex);
            throw new JobExecutionException("Queuing the meeting pack failed.", ex);
        }
    }
}

internal static partial class MeetingPackJobLog
{
    [LoggerMessage(3201, LogLevel.Information, "Meeting pack build {BuildId} queued after the round's deadline")]
    public static partial void PackQueued(this ILogger logger, int buildId);

    [LoggerMessage(3202, LogLevel.Error, "Queuing the meeting pack after the round's deadline failed")]
    public static partial void PackFailed(this ILogger logger, Exception ex);
}
