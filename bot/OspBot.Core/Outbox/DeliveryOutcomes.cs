using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Data;
using OspBot.Observability;

namespace OspBot.Outbox;

/// What became of a claimed delivery: sent, unreachable, may have arrived, failed (and retried later), or not sent
/// at all because the feature that owns its kind no longer wants it. Outcomes are recorded only on rows this
/// dispatcher still holds (Claimed or Sending).
internal sealed class DeliveryOutcomes(OspDbContext db, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<DeliveryOutcomes> logger)
{
    /// Longest wait between two attempts of one delivery.
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    /// Records what became of a send; true when it was delivered.
    public async Task<bool> RecordAsync(int deliveryId, SendOutcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case SendOutcome.Sent s:
                await MarkSentAsync(deliveryId, s.ActivityId, ct);
                return true;
            case SendOutcome.Unreachable u:
                await MarkUnreachableAsync(deliveryId, u.Reason, ct);
                break;
            case SendOutcome.Ambiguous a:
                await MarkAmbiguousAsync(deliveryId, a.Error, ct);
                break;
            case SendOutcome.Failed f:
                await MarkFailedAsync(deliveryId, f.Error, f.RetryAfter, ct);
                break;
            case SendOutcome.Withdrawn:
                // Nothing left; the row is no longer this sender's to record (its claim lapsed).
                break;
        }
        return false;
    }

    public Task MarkSentAsync(int deliveryId, string? activityId, CancellationToken ct) =>
        Finish(deliveryId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Sent)
            .SetProperty(d => d.SentActivityId, activityId)
            .SetProperty(d => d.SentAt, clock.GetUtcNow()), ct).Counted(OutboxOutcome.Sent);

    /// Teams said the person cannot be written to (app removed, blocked: 403/404). Shown on the status card.
    public async Task MarkUnreachableAsync(int deliveryId, string reason, CancellationToken ct)
    {
        var changed = await Finish(deliveryId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Unreachable)
            .SetProperty(d => d.LastError, Truncate(reason)), ct);
        if (changed > 0)
        {
            var personId = await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.PersonId).SingleAsync(ct);
            logger.DeliveryUnreachable(deliveryId, personId, reason);
            OutboxTelemetry.Count(OutboxOutcome.Unreachable);
        }
    }

    /// The send may have reached Teams (timeout, connection lost after the request went out): never resent.
    public Task MarkAmbiguousAsync(int deliveryId, string error, CancellationToken ct) =>
        Finish(deliveryId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Ambiguous)
            .SetProperty(d => d.LastError, Truncate(error)), ct).Counted(OutboxOutcome.NoAnswer);

    /// The send certainly did not reach Teams (refused before sending, 429/503 answered): try again later, or give up
    /// as Unreachable after OutboxOptions.MaxDeliveryAttempts. retryAfter is the wait after a first failure; it doubles
    /// with each further failure, up to MaxRetryDelay, so an outage is ridden out without hammering Teams and the
    /// give-up comes only after an outage of about an hour. Meanwhile the status card shows the delivery as retrying.
    public async Task MarkFailedAsync(int deliveryId, string error, TimeSpan retryAfter, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryAttempts;
        var attempts = await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.Attempts).FirstOrDefaultAsync(ct);
        var retryAt = clock.GetUtcNow() + RetryDelay(retryAfter, attempts);
        var retried = await Finish(deliveryId).Where(d => d.Attempts < max).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Pending)
            .SetProperty(d => d.DueAt, retryAt)
            .SetProperty(d => d.LastError, Truncate(error)), ct);
        if (retried > 0)
        {
            logger.DeliveryRetrying(deliveryId, attempts, retryAt, error);
            OutboxTelemetry.Count(OutboxOutcome.Retrying);
            return;
        }

        var gaveUp = await Finish(deliveryId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Unreachable)
            .SetProperty(d => d.LastError, Truncate($"{DeliveryReasons.TooManyFailures}: {error}")), ct);
        if (gaveUp > 0)
        {
            logger.DeliveryGaveUp(deliveryId, attempts, error);
            OutboxTelemetry.Count(OutboxOutcome.GaveUp);
        }
    }

    /// Not sent because its kind's renderer no longer wants it (cancelled, out of office, or unreachable with a reason).
    public async Task MarkNotSentAsync(DeliveryWork work, Rendered.NotSent notSent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(notSent);
        if (notSent.State == DeliveryState.Unreachable)
        {
            await MarkUnreachableAsync(work.DeliveryId, notSent.Reason ?? "", ct);
            return;
        }
        await db.Deliveries.Where(d => d.Id == work.DeliveryId && d.State == DeliveryState.Claimed)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, notSent.State)
                .SetProperty(d => d.LastError, notSent.Reason), ct);
        if (notSent.State == DeliveryState.OutOfOffice)
        {
            logger.DeliverySkippedOutOfOffice(work.DeliveryId, work.PersonId);
        }
    }

    internal static TimeSpan RetryDelay(TimeSpan first, int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 16);
        var delay = first * Math.Pow(2, doublings);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    internal static string Truncate(string text) => text.Length <= 512 ? text : string.Concat(text.AsSpan(0, 509), "...");

    /// A row this dispatcher holds, claimed or sending: outcomes are recorded only on those.
    private IQueryable<Delivery> Finish(int deliveryId) =>
        db.Deliveries.Where(d => d.Id == deliveryId && (d.State == DeliveryState.Claimed || d.State == DeliveryState.Sending));
}
