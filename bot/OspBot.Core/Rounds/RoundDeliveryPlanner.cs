using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// The rounds' part of each dispatch, run before the outbox claims: open the rounds of planned steering group meetings
/// whose prompt date has come (so their prompts go out in the same run), take back chasers and reminders no longer
/// wanted, lock rounds past their deadline, and queue the chasers and digests that are due.
internal sealed class RoundDeliveryPlanner(OspDbContext db, RoundPlanner planner, DeliveryQueue deliveries, TimeProvider clock) : IDeliveryPlanner
{
    public async Task PlanDueAsync(CancellationToken ct)
    {
        await planner.OpenScheduledAsync(ct);
        await ScheduleDueAsync(ct);
    }

    /// Chairs and leads of every not-yet-submitted update in rounds still taking updates, except those who asked
    /// to be reminded later than now.
    public async Task<IReadOnlyList<ChaseItem>> ChaseListAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (
            from u in db.SubGroupUpdates.AsNoTracking()
            where u.Round!.State != RoundState.Closed && u.SubmittedVersion == null
            join m in db.Memberships.AsNoTracking() on u.GroupId equals m.GroupId
            where (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead) && !m.Person!.IsVacant
                && !u.Snoozes.Any(s => s.PersonId == m.PersonId && s.RemindAt > now)
            orderby u.RoundId, u.Group!.Name, m.Person!.Name
            select new { u.RoundId, UpdateId = u.Id, m.PersonId, PersonName = m.Person!.Name, GroupName = u.Group!.Name, u.Round!.DeadlineAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ChaseItem(r.RoundId, r.UpdateId, r.PersonId, r.PersonName, r.GroupName, RoundCalendar.DaysLeft(now, r.DeadlineAt)))];
    }

    /// What the dispatch job runs before claiming: locks rounds past their deadline, queues the latest due chaser
    /// of each round for those not yet submitted, and queues the digest once every sub-group is in or the deadline
    /// has passed. Every row has a deterministic key, so running this twice (or on two instances) queues nothing twice.
    public async Task ScheduleDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await CancelUnwantedAsync(ct);
        await db.Rounds.Where(r => r.State == RoundState.Open && r.DeadlineAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RoundState.Locked), ct);

        var rounds = await db.Rounds.AsNoTracking().Where(r => r.State != RoundState.Closed).ToListAsync(ct);
        var wanted = new List<Delivery>();
        var chase = await ChaseListAsync(now, ct);
        foreach (var round in rounds)
        {
            // Only the latest chaser that is due, and none after the deadline: a bot back from downtime sends one.
            // A chaser dated before the round was opened or its prompt went out is moot: the prompt says it all.
            var index = round.ChaserAts.FindLastIndex(c => c <= now && c > round.OpenedAt && c > round.PromptAt);
            if (index >= 0 && now < round.DeadlineAt)
            {
                wanted.AddRange(chase.Where(c => c.RoundId == round.Id).Select(c =>
                    RoundQueries.NewDelivery(DeliveryKind.Chaser, round.Id, c.UpdateId, c.PersonId, Key("chaser", c.UpdateId, c.PersonId, index), now)));
            }
            var allIn = !await db.SubGroupUpdates.AnyAsync(u => u.RoundId == round.Id && u.SubmittedVersion == null, ct);
            if (allIn || now >= round.DeadlineAt)
            {
                wanted.AddRange(await DigestsAsync(db, round.Id, now, ct));
            }
        }
        await deliveries.QueueAsync(wanted, ct);
    }

    /// Chasers and reminders for updates submitted since they were queued are no longer wanted.
    private Task<int> CancelUnwantedAsync(CancellationToken ct) =>
        deliveries.CancelPendingAsync(d => (d.Kind == DeliveryKind.Chaser || d.Kind == DeliveryKind.Reminder)
            && db.SubGroupUpdates.Any(u => u.Id == d.SubGroupUpdateId && u.SubmittedVersion != null), ct);

    /// The round's digest, one per secretariat officer and the OSP chair; its key makes it once per round and reader,
    /// whether the deadline, the last submission or closing the round queued it.
    internal static async Task<IReadOnlyList<Delivery>> DigestsAsync(OspDbContext db, int roundId, DateTimeOffset now, CancellationToken ct)
    {
        var readers = await db.People.AsNoTracking().Where(p => (p.IsSecretariat || p.IsOspChair) && !p.IsVacant)
            .Select(p => p.Id).ToListAsync(ct);
        return [.. readers.Select(p => RoundQueries.NewDelivery(DeliveryKind.Digest, roundId, null, p, Key("digest", roundId, p), now))];
    }

    private static string Key(string kind, params object[] parts) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{string.Join(':', parts)}");
}

