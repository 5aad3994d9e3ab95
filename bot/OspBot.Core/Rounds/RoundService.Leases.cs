using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Notifications;
using OspBot.Observability;

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

    /// Puts back a claim whose send never began (the dispatcher is stopping): due again at once for the next run. A
    /// send already marked Sending is left as it is, since it may have gone out.
    public Task ReleaseClaimAsync(DeliveryWork work, string reason, CancellationToken ct) =>
        db.Deliveries
            .Where(d => d.Id == work.DeliveryId && d.State == DeliveryState.Claimed && d.Attempts == work.Attempt)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, Truncate(reason)), ct);

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
                    .SetProperty(x => x.LastError, DeliveryReasons.Interrupted), ct).Counted(OutboxOutcome.Interrupted);
            logger.DeliveryInterrupted(d.Id, d.IdempotencyKey, d.ClaimedAt);
        }
    }
}

/// Wraps each send of a dispatch: marks it Sending at the last moment, once the connector's rate limiter has let it go
/// (RoundService.BeginSendAsync, as the notifier's BeforeSend), and records its outcome just after. A crash thus
/// leaves in doubt only the sends really on their way, not those still queued behind Teams' rate limits, which are
/// only Claimed and go back to the queue. Sends run in parallel while the dispatcher's own DbContext builds the next
/// cards, and a DbContext serves one caller at a time, so each mark and record uses a scope of its own.
internal sealed class DeliverySends(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// The send's outcome, or null when this dispatcher's claim had lapsed by the time it could go and nothing was sent.
    public async Task<SendOutcome?> SendAsync(
        DeliveryWork work, Func<BeforeSend, CancellationToken, Task<SendOutcome>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(send);
        var outcome = await send(MarkSendingAsync, ct);
        if (outcome is SendOutcome.Withdrawn)
        {
            return null;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            // It went out (or may have): recorded even when stopping, else a finished send would turn Ambiguous.
            await scope.ServiceProvider.GetRequiredService<RoundService>().RecordAsync(work.DeliveryId, outcome, CancellationToken.None);
        }

        return outcome;

        async Task<bool> MarkSendingAsync(CancellationToken t)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await RoundService.BeginSendAsync(scope.ServiceProvider.GetRequiredService<OspDbContext>(), work, clock.GetUtcNow(), t);
        }
    }
}
