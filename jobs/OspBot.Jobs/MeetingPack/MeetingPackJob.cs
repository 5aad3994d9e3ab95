using Microsoft.Extensions.Logging;
using OspBot.MeetingPack;
using Quartz;

namespace OspBot.Jobs.MeetingPack;

/// Builds the first pack of each round whose deadline has passed (MeetingPackBuilder.BuildDueAsync); the
/// secretariat builds later versions with `meeting pack`.
[DisallowConcurrentExecution]
internal sealed class MeetingPackJob(MeetingPackBuilder builder, ILogger<MeetingPackJob> logger) : IJob
{
    public static readonly JobKey Key = new("meeting-pack-due", "meeting-pack");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            foreach (var pack in await builder.BuildDueAsync(ct))
            {
                logger.PackBuilt(pack.QuarterLabel, pack.Version);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.PackFailed(ex);
            throw new JobExecutionException("Building the meeting pack failed.", ex);
        }
    }
}

internal static partial class MeetingPackJobLog
{
    [LoggerMessage(3201, LogLevel.Information, "Meeting pack built for {Quarter} (version {Version}) after the round's deadline")]
    public static partial void PackBuilt(this ILogger logger, string quarter, int version);

    [LoggerMessage(3202, LogLevel.Error, "Building the meeting pack failed")]
    public static partial void PackFailed(this ILogger logger, Exception ex);
}
