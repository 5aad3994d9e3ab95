using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

/// What asking for a pack came to.
internal abstract record PackRequestResult
{
    private PackRequestResult()
    {
    }

    /// A new build was queued; the caller starts the job.
    public sealed record Started(MeetingPackBuild Build, string QuarterLabel) : PackRequestResult;

    /// The round's pack is being built already (a double click, another instance): nothing new was started.
    public sealed record AlreadyBuilding(MeetingPackBuild Existing, string QuarterLabel) : PackRequestResult;

    public sealed record Refused(Refusal Refusal) : PackRequestResult;
}

/// Asks for and keeps the meeting pack's builds, the persisted jobs that make its versions: like the annual report's
/// compilations, one in flight per round, restartable from the beginning after a crash (building is pure).
internal sealed partial class MeetingPackBuilds(
    OspDbContext db, MeetingPackBuilder builder, IMeetingPackJobs jobs, TimeProvider clock, ILogger<MeetingPackBuilds> logger)
{
    /// `meeting pack` or "Build again": a build of the newest round's pack; only the secretariat may ask.
    public async Task<PackRequestResult> RequestAsync(Actor actor, CardAddress? card, CancellationToken ct)
    {
        if (await RoundQueries.RefuseUnlessSecretariatAsync(db, actor, ct) is { } refusal)
        {
            return new PackRequestResult.Refused(refusal);
        }
        if (await builder.NewestRoundAsync(ct) is not { } round)
        {
            return new PackRequestResult.Refused(MeetingPackBuilder.NoRound);
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        return await QueueAsync(round, caller?.PersonId, card, ct);
    }

    /// The deadline's job: a first pack for each round whose deadline has passed and that has no pack nor any build
    /// yet (a failed one is the secretariat's to retry); returns the builds queued.
    public async Task<IReadOnlyList<int>> QueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Rounds.AsNoTracking()
            .Where(r => r.DeadlineAt <= now && !db.Set<MeetingPackVersion>().Any(p => p.RoundId == r.Id)
                && !db.Set<MeetingPackBuild>().Any(b => b.RoundId == r.Id))
            .OrderBy(r => r.Id).ToListAsync(ct);
        List<int> queued = [];
        foreach (var round in due)
        {
            if (await QueueAsync(round, null, null, ct) is PackRequestResult.Started started)
            {
                await jobs.QueueAsync(started.Build.Id, ct);
                queued.Add(started.Build.Id);
            }
        }
        return queued;
    }

    private async Task<PackRequestResult> QueueAsync(UpdateRound round, int? personId, CardAddress? card, CancellationToken ct)
    {
        var label = new FinancialQuarter(round.FinancialYearStart, round.Quarter).Label;
        if (await InFlightAsync(round.Id, ct) is { } existing)
        {
            return new PackRequestResult.AlreadyBuilding(existing, label);
        }
        var build = new MeetingPackBuild
        {
            RoundId = round.Id,
            RequestedByPersonId = personId,
            RequestedAt = clock.GetUtcNow(),
            ServiceUrl = card?.ServiceUrl.ToString(),
            ConversationId = card?.ConversationId,
            State = CompilationState.Queued,
            Stage = "queued",
        };
        db.Add(build);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request (perhaps on another instance) won the filtered unique index between our check and insert.
            db.ChangeTracker.Clear();
            return await InFlightAsync(round.Id, ct) is { } winner
                ? new PackRequestResult.AlreadyBuilding(winner, label)
                : throw new InvalidOperationException($"Could not queue the meeting pack of {label}.");
        }
        logger.PackBuildQueued(build.Id, label);
        return new PackRequestResult.Started(build, label);
    }

    /// Starts a requested build: remembers its progress card (the activity the job keeps up to date), and queues the job.
    public async Task StartAsync(int buildId, string? progressActivityId, CancellationToken ct)
    {
        if (progressActivityId is { Length: > 0 })
        {
            await db.Set<MeetingPackBuild>().Where(b => b.Id == buildId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ProgressActivityId, progressActivityId), ct);
        }
        await jobs.QueueAsync(buildId, ct);
    }

    public Task<MeetingPackBuild?> FindAsync(int buildId, CancellationToken ct) =>
        db.Set<MeetingPackBuild>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == buildId, ct);

    public Task<MeetingPackVersion?> PackAsync(int packId, CancellationToken ct) =>
        db.Set<MeetingPackVersion>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == packId, ct);

    /// The quarter a build's round is, as the cards name it.
    public async Task<string> QuarterLabelAsync(MeetingPackBuild build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == build.RoundId).Select(r => new { r.FinancialYearStart, r.Quarter }).SingleAsync(ct);
        return new FinancialQuarter(round.FinancialYearStart, round.Quarter).Label;
    }

    /// Builds left queued or running (a crash, a stop) or finished with an undelivered card, to be run again at start-up.
    public Task<List<int>> UnfinishedAsync(CancellationToken ct) =>
        db.Set<MeetingPackBuild>().AsNoTracking()
            .Where(b => b.State == CompilationState.Queued || b.State == CompilationState.Running
                || (b.ResultSentAt == null && b.ProgressActivityId != null))
            .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);

    /// Records that the result card went out; false when it had been recorded already.
    public async Task<bool> MarkResultSentAsync(int buildId, CancellationToken ct) =>
        await db.Set<MeetingPackBuild>().Where(b => b.Id == buildId && b.ResultSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ResultSentAt, clock.GetUtcNow()), ct) == 1;

    private Task<MeetingPackBuild?> InFlightAsync(int roundId, CancellationToken ct) =>
        db.Set<MeetingPackBuild>().AsNoTracking().FirstOrDefaultAsync(
            b => b.RoundId == roundId && (b.State == CompilationState.Queued || b.State == CompilationState.Running), ct);
}
