using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// The secretariat's (and the scheduler's) actions on a round: open it, close it, reopen one sub-group's update,
/// remind a sub-group now. Expected outcomes are results, not exceptions.
internal sealed class RoundAdmin(
    OspDbContext db, TimeProvider clock, IOptions<RoundOptions> options, ILogger<RoundAdmin> logger)
{
    /// Opens a round for every sub-group and queues one prompt per chair and lead, due at the prompt time.
    public async Task<RoundResult> OpenRoundAsync(Actor actor, OpenRoundRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new RoundResult.Refused(refused);
        }
        var caller = (await Caller.ResolveAsync(db, actor, ct))!;
        var now = clock.GetUtcNow();
        var defaults = RoundCalendar.DefaultDates(request.MeetingDate, options.Value);
        var dates = new RoundDates(
            request.PromptAt ?? defaults.PromptAt, request.DeadlineAt ?? defaults.DeadlineAt, request.ChaserAts ?? defaults.ChaserAts);
        var quarter = request.Quarter ?? FinancialQuarter.Of(request.MeetingDate);
        if (RoundCalendar.Validate(request.MeetingDate, dates, now) is { Count: > 0 } errors)
        {
            return new RoundResult.Invalid(errors);
        }
        if (await LiveRoundIdAsync(quarter, ct) is { } existing)
        {
            return new RoundResult.AlreadyOpen(await db.RoundViewAsync(existing, ct));
        }

        var round = new UpdateRound
        {
            FinancialYearStart = quarter.StartYear,
            Quarter = quarter.Quarter,
            MeetingDate = request.MeetingDate,
            PromptAt = dates.PromptAt,
            DeadlineAt = dates.DeadlineAt,
            ChaserAts = [.. dates.ChaserAts.Order()],
            State = RoundState.Open,
            OpenedByPersonId = caller.PersonId,
            OpenedAt = now,
        };
        var groups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Id).ToListAsync(ct);
        round.Updates = [.. groups.Select(g => new SubGroupUpdate { GroupId = g.Id, Status = UpdateStatus.NotStarted })];

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment elsewhere (the Quartz job and the secretariat): the unique index decided.
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            if (await LiveRoundIdAsync(quarter, ct) is not { } winner)
            {
                throw;
            }
            return new RoundResult.AlreadyOpen(await db.RoundViewAsync(winner, ct));
        }

        var prompts = 0;
        foreach (var update in round.Updates)
        {
            foreach (var personId in await db.Recipients(update.GroupId).Select(m => m.PersonId).ToListAsync(ct))
            {
                db.Deliveries.Add(RoundQueries.NewDelivery(DeliveryKind.Prompt, round.Id, update.Id, personId, $"prompt:{update.Id}:{personId}", round.PromptAt));
                prompts++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.RoundOpened(round.Id, quarter.Label, caller.Name, prompts);
        return new RoundResult.Done(await db.RoundViewAsync(round.Id, ct), prompts);
    }

    public async Task<RoundResult> CloseRoundAsync(Actor actor, int roundId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new RoundResult.Refused(refused);
        }
        var caller = (await Caller.ResolveAsync(db, actor, ct))!;
        var round = await db.Rounds.Include(r => r.Updates).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new RoundResult.Refused(await db.RefuseAsync(RefusalReason.NotFound, ct));
        }
        if (round.State != RoundState.Closed)
        {
            round.State = RoundState.Closed;
            round.ClosedByPersonId = caller.PersonId;
            round.ClosedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            // Nobody needs prompting or chasing for a round that takes nothing more; the digest goes out now (once:
            // if the deadline or the last submission queued it already, its key keeps it single).
            await db.Deliveries
                .Where(d => d.RoundId == roundId && d.State == DeliveryState.Pending && d.Kind != DeliveryKind.Digest)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled), ct);
            await new DeliveryQueue(db).QueueAsync(await RoundDeliveryPlanner.DigestsAsync(db, roundId, round.ClosedAt.Value, ct), ct);
            logger.RoundClosed(round.Id, caller.Name);
        }
        return new RoundResult.Done(await db.RoundViewAsync(roundId, ct), round.Updates.Count);
    }

    /// Lets one sub-group edit its submitted update again after the deadline, until it submits again.
    public async Task<RoundResult> ReopenAsync(Actor actor, int updateId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new RoundResult.Refused(refused);
        }
        var caller = (await Caller.ResolveAsync(db, actor, ct))!;
        var update = await db.SubGroupUpdates.Include(u => u.Round).SingleOrDefaultAsync(u => u.Id == updateId, ct);
        if (update is null)
        {
            return new RoundResult.Refused(await db.RefuseAsync(RefusalReason.NotFound, ct));
        }
        if (update.Round!.State == RoundState.Closed)
        {
            return new RoundResult.Refused(await db.RefuseAsync(RefusalReason.RoundClosed, ct));
        }
        // Before the deadline a sub-group can still change its submitted update: there is nothing to reopen.
        if (!RoundQueries.IsPastDeadline(update.Round, clock.GetUtcNow()))
        {
            return new RoundResult.Refused(await db.RefuseAsync(RefusalReason.StillOpen, ct));
        }
        update.IsReopened = true;
        update.ReopenedByPersonId = caller.PersonId;
        update.ReopenedAt = clock.GetUtcNow();
        update.Revision++;
        await db.SaveChangesAsync(ct);
        logger.UpdateReopened(update.Id, caller.Name);
        return new RoundResult.Done(await db.RoundViewAsync(update.RoundId, ct), 1);
    }

    /// Queues a reminder now to each chair and lead of one sub-group.
    public async Task<RoundResult> RemindNowAsync(Actor actor, int updateId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new RoundResult.Refused(refused);
        }
        var update = await db.SubGroupUpdates.Include(u => u.Round).AsNoTracking().SingleOrDefaultAsync(u => u.Id == updateId, ct);
        if (update is null || update.Round!.State == RoundState.Closed)
        {
            return new RoundResult.Refused(await db.RefuseAsync(update is null ? RefusalReason.NotFound : RefusalReason.RoundClosed, ct));
        }
        var now = clock.GetUtcNow();
        var people = await db.Recipients(update.GroupId).Select(m => m.PersonId).ToListAsync(ct);
        foreach (var personId in people)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"remind:{update.Id}:{personId}:{now.UtcTicks}");
            db.Deliveries.Add(RoundQueries.NewDelivery(DeliveryKind.Reminder, update.RoundId, update.Id, personId, key, now));
        }
        await db.SaveChangesAsync(ct);
        return new RoundResult.Done(await db.RoundViewAsync(update.RoundId, ct), people.Count);
    }

    private async Task<int?> LiveRoundIdAsync(FinancialQuarter quarter, CancellationToken ct) =>
        await db.Rounds.AsNoTracking()
            .Where(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter && r.State != RoundState.Closed)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(ct);
}
