using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;
using OspBot.Reports.Drafting;
using OspBot.Reports.Settings;

namespace OspBot.Reports;

/// Asks for, runs and keeps annual report compilations. Running is restartable from the beginning: compiling is pure
/// and fast, so a run found half-done (a crash, a second instance) simply starts again.
internal sealed partial class ReportCompilationService(
    OspDbContext db, IReportJobs jobs, TimeProvider clock, ReportSettings settings, SubGroupReports subGroupReports,
    ILogger<ReportCompilationService> logger,
    IReportPublisher? publisher = null,
    IReportExtras? extras = null)
{
    /// Queues a compilation of <paramref name="year"/> unless one is already in flight; only the secretariat may ask.
    public async Task<CompileRequestResult> RequestAsync(Actor actor, int year, CardAddress? card, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        return caller is { IsSecretariat: true } && !actor.IsScheduler ? await QueueAsync(caller, year, null, card, ct) : Refused();
    }

    /// Queues a sub-group's own annual report of <paramref name="year"/>; its chair or lead, or the secretariat, may ask.
    public async Task<CompileRequestResult> RequestForGroupAsync(Actor actor, int year, int groupId, CardAddress? card, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId && g.Kind == GroupKind.SubGroup).Select(g => g.Name).SingleOrDefaultAsync(ct);
        var allowed = (caller is { IsSecretariat: true } && !actor.IsScheduler) || caller?.RoleIn(groupId) is MembershipRole.Chair or MembershipRole.Lead;
        return allowed && group is not null ? await QueueAsync(caller!, year, (groupId, group), card, ct) : Refused();
    }

    private async Task<CompileRequestResult> QueueAsync(Caller caller, int year, (int Id, string Name)? group, CardAddress? card, CancellationToken ct)
    {
        if (await InFlightAsync(year, group?.Id, ct) is { } existing)
        {
            return new CompileRequestResult.AlreadyRunning(existing);
        }

        var compilation = new ReportCompilation
        {
            FinancialYear = year,
            GroupId = group?.Id,
            GroupName = group?.Name,
            RequestedByPersonId = caller.PersonId!.Value,
            RequestedByName = caller.Name,
            RequestedAt = clock.GetUtcNow(),
            ServiceUrl = card?.ServiceUrl.ToString(),
            ConversationId = card?.ConversationId,
            State = CompilationState.Queued,
            Stage = "Queued",
        };
        db.ReportCompilations.Add(compilation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request (perhaps on another instance) won the filtered unique index between our check and insert.
            db.ChangeTracker.Clear();
            return await InFlightAsync(year, group?.Id, ct) is { } winner
                ? new CompileRequestResult.AlreadyRunning(winner)
                : throw new InvalidOperationException($"Could not queue a compilation of {FinancialYears.Label(year)}.");
        }

        logger.CompilationRequested(compilation.Id, FinancialYears.Label(year), compilation.RequestedByPersonId);
        return new CompileRequestResult.Started(compilation);
    }

    private static CompileRequestResult.Refused Refused()
    {
        TurnOutcome.MarkRefused();
        return new CompileRequestResult.Refused();
    }

    /// Starts a requested compilation: remembers its progress card (the activity the job keeps up to date), if the
    /// card was posted, and queues the job.
    public async Task StartAsync(int compilationId, string? progressActivityId, CancellationToken ct)
    {
        if (progressActivityId is { Length: > 0 })
        {
            await db.ReportCompilations.Where(c => c.Id == compilationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProgressActivityId, progressActivityId), ct);
        }
        await jobs.QueueAsync(compilationId, ct);
    }

    public Task<ReportCompilation?> FindAsync(int compilationId, CancellationToken ct) =>
        db.ReportCompilations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == compilationId, ct);

    /// Ids of compilations left queued or running (by a crash or a stop), to be run again at start-up.
    public Task<List<int>> UnfinishedAsync(CancellationToken ct) =>
        db.ReportCompilations.AsNoTracking()
            .Where(c => c.State == CompilationState.Queued || c.State == CompilationState.Running
                || (c.State != CompilationState.Queued && c.ResultSentAt == null && c.ProgressActivityId != null))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    /// Records that the result card went out; false when it had been recorded already (the caller sent it twice).
    public async Task<bool> MarkResultSentAsync(int compilationId, CancellationToken ct) =>
        await db.ReportCompilations.Where(c => c.Id == compilationId && c.ResultSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResultSentAt, clock.GetUtcNow()), ct) == 1;

    private Task<ReportCompilation?> InFlightAsync(int year, int? groupId, CancellationToken ct) =>
        db.ReportCompilations.AsNoTracking().FirstOrDefaultAsync(
            c => c.FinancialYear == year && c.GroupId == groupId && (c.State == CompilationState.Queued || c.State == CompilationState.Running), ct);
}
