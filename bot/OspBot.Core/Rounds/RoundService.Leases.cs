using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Notifications;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    /// Marks one claimed delivery Sending, just before its request goes out; false when this dispatcher's claim has
    /// lapsed (the row went back to the queue, perhaps to another dispatcher), and then it must not send. The claim is
    /// recognised by its attempt number, which every claim increments.
    internal static async Task<bool> BeginSendAsync(OspDbContext db, DeliveryWork work, DateTimeOffset now, CancellationToken ct) =>
        await db.Deliveries
            .Where(d => d.Id == work.DeliveryId && d.State == DeliveryState.Claimed && d.Attempts == work.Attempt)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Sending)
                // From here the (longer) delivery lease runs: the connector may retry for minutes.
                .SetProperty(d => d.ClaimedAt, now), ct) == 1;

    /// What a dispatcher that died or stalled left behind: claims never started go back to the queue (nothing left);
    /// sends started and never reported become Ambiguous (they may have arrived), shown to the secretariat, not resent.
    private async Task RecoverInterruptedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var claimCutoff = now - Options.ClaimLease;
        var released = await db.Deliveries
            .Where(d => d.State == DeliveryState.Claimed && d.ClaimedAt < claimCutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null), ct);
        if (released > 0)
        {
            logger.DeliveriesReleased(released);
        }

        var sendCutoff = now - Options.DeliveryLease;
        var stuck = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Sending && d.ClaimedAt < sendCutoff)
            .Select(d => new { d.Id, d.IdempotencyKey, d.ClaimedAt }).ToListAsync(ct);
        foreach (var d in stuck)
        {
            await db.Deliveries.Where(x => x.Id == d.Id && x.State == DeliveryState.Sending)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.State, DeliveryState.Ambiguous)
                    .SetProperty(x => x.LastError, DeliveryReasons.Interrupted), ct);
            logger.DeliveryInterrupted(d.Id, d.IdempotencyKey, d.ClaimedAt);
        }
    }
}

/// Wraps each send of a dispatch: marks it Sending just before (RoundService.BeginSendAsync) and records its outcome
/// just after, so a crash leaves in doubt only the sends in flight, not a whole batch. Sends run in parallel while the
/// dispatcher's own DbContext builds the next cards, and a DbContext serves one caller at a time, so each mark and
/// record uses a scope of its own.
internal sealed class DeliverySends(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// The send's outcome, or null when this dispatcher's claim had lapsed and nothing was sent.
    public async Task<SendOutcome?> SendAsync(DeliveryWork work, Func<CancellationToken, Task<SendOutcome>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(send);
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await RoundService.BeginSendAsync(scope.ServiceProvider.GetRequiredService<OspDbContext>(), work, clock.GetUtcNow(), ct))
            {
                return null;
            }
        }

        var outcome = await send(ct);
        await using (var scope = scopes.CreateAsyncScope())
        {
            // It went out (or may have): recorded even when stopping, else a finished send would turn Ambiguous.
            await scope.ServiceProvider.GetRequiredService<RoundService>().RecordAsync(work.DeliveryId, outcome, CancellationToken.None);
        }

        return outcome;
    }
}
