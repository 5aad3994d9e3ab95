using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OspBot.Data;

namespace OspBot.Outbox;

/// How features put deliveries in the outbox and take back those not yet claimed. Rows added to the context directly
/// (inside a feature's own transaction) are fine too; this is for the idempotent and the bulk cases.
internal sealed class DeliveryQueue(OspDbContext db)
{
    /// Inserts the deliveries whose keys are new; a key another instance inserted meanwhile is simply skipped.
    public async Task QueueAsync(IReadOnlyList<Delivery> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Count == 0)
        {
            return;
        }
        var keys = wanted.Select(d => d.IdempotencyKey).ToList();
        var existing = (await db.Deliveries.AsNoTracking().Where(d => keys.Contains(d.IdempotencyKey))
            .Select(d => d.IdempotencyKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var d in wanted.Where(d => !existing.Contains(d.IdempotencyKey)).DistinctBy(d => d.IdempotencyKey))
        {
            db.Deliveries.Add(d);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.Entry(d).State = EntityState.Detached;
            }
        }
    }

    /// Cancels the pending deliveries that match; returns how many. Claimed and sent ones are left alone.
    public Task<int> CancelPendingAsync(Expression<Func<Delivery, bool>> which, CancellationToken ct) =>
        db.Deliveries.Where(d => d.State == DeliveryState.Pending).Where(which)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled), ct);
}
