using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Reports;

namespace OspBot.MeetingPack;

internal sealed partial class MeetingPackBuilds
{
    /// Runs build <paramref name="buildId"/> from the beginning unless it has finished already, reporting each stage;
    /// returns the row as it ends (Succeeded or Failed), or null if there is no such build.
    public async Task<MeetingPackBuild?> RunAsync(int buildId, Func<string, CancellationToken, Task> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var build = await db.Set<MeetingPackBuild>().SingleOrDefaultAsync(b => b.Id == buildId, ct);
        if (build is null || build.State is CompilationState.Succeeded or CompilationState.Failed)
        {
            return build;
        }
        build.State = CompilationState.Running;
        build.StartedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == build.RoundId, ct);
            var built = await builder.BuildAsync(round, build.RequestedByPersonId, async (stage, token) =>
            {
                build.Stage = stage;
                await db.SaveChangesAsync(token);
                await progress(stage, token);
            }, ct);
            build.PackId = built.PackId;
            build.State = CompilationState.Succeeded;
            build.Stage = "done";
            build.CompletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            logger.PackBuilt(build.Id, built.QuarterLabel, built.Version);
            return build;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database refused a write, a writer bug: the requester hears it failed instead of waiting for ever.
            // What this build half-wrote is dropped; the versions kept before it are untouched.
            logger.PackBuildFailed(ex, build.Id);
            db.ChangeTracker.Clear();
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var now = clock.GetUtcNow();
            await db.Set<MeetingPackBuild>().Where(b => b.Id == buildId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, CompilationState.Failed).SetProperty(b => b.Stage, "failed")
                .SetProperty(b => b.Error, error).SetProperty(b => b.CompletedAt, now), ct);
            return await FindAsync(buildId, ct);
        }
    }
}

internal static partial class MeetingPackLog
{
    [LoggerMessage(3203, LogLevel.Information, "Meeting pack build {BuildId} queued for {Quarter}")]
    public static partial void PackBuildQueued(this ILogger logger, int buildId, string quarter);

    [LoggerMessage(3204, LogLevel.Information, "Meeting pack build {BuildId} made {Quarter} version {Version}")]
    public static partial void PackBuilt(this ILogger logger, int buildId, string quarter, int version);

    [LoggerMessage(3205, LogLevel.Error, "Meeting pack build {BuildId} failed")]
    public static partial void PackBuildFailed(this ILogger logger, Exception exception, int buildId);
}
