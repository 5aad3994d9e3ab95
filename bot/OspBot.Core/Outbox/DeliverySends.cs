using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;

namespace OspBot.Outbox;

/// Wraps each send of a dispatch: marks it Sending at the last moment, once the connector's rate limiter has let it go
/// (DeliveryClaims.BeginSendAsync, as the notifier's BeforeSend), and records its outcome just after. A crash thus
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
            await scope.ServiceProvider.GetRequiredService<DeliveryOutcomes>().RecordAsync(work.DeliveryId, outcome, CancellationToken.None);
        }

        return outcome;

        async Task<bool> MarkSendingAsync(CancellationToken t)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await DeliveryClaims.BeginSendAsync(scope.ServiceProvider.GetRequiredService<OspDbContext>(), work, clock.GetUtcNow(), t);
        }
    }
}
