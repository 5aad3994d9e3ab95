using Microsoft.Extensions.Logging;
using OspBot.Cards.Model;
using OspBot.Conversations;
using OspBot.Members;
using OspBot.Notifications;
using OspBot.Rounds;
using C = OspBot.Cards.Rounds;

namespace OspBot.Jobs.Rounds;

/// Sends what the rounds queue says is due: schedules chasers and digests, claims due deliveries in batches,
/// builds each person's card, sends it and records the outcome, until nothing more is due.
internal sealed class RoundDispatcher(
    RoundService rounds, ConversationStore conversations, ITeamsNotifier notifier, TimeProvider clock, ILogger<RoundDispatcher> logger)
{
    public const int BatchSize = 20;

    /// Returns how many messages were sent.
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await rounds.ScheduleDueAsync(ct);
        var sent = 0;
        while (await rounds.ClaimDueAsync(BatchSize, ct) is { Count: > 0 } batch)
        {
            foreach (var work in batch)
            {
                sent += await DeliverAsync(work, ct) ? 1 : 0;
            }
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(DeliveryWork work, CancellationToken ct)
    {
        AdaptiveCard? card;
        try
        {
            card = await CardAsync(work, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was sent: a later run tries again.
            logger.CardFailed(ex, work.DeliveryId);
            await rounds.MarkFailedAsync(work.DeliveryId, ex.Message, TimeSpan.FromMinutes(5), ct);
            return false;
        }
        if (card is null)
        {
            return false;
        }

        var outcome = await notifier.SendCardAsync(work.ServiceUrl, work.ConversationId, card.ToJsonElement(), Summary(work), ct);
        switch (outcome)
        {
            case SendOutcome.Sent s:
                await rounds.MarkSentAsync(work.DeliveryId, s.ActivityId, ct);
                return true;
            case SendOutcome.Unreachable u:
                await rounds.MarkUnreachableAsync(work.DeliveryId, u.Reason, ct);
                break;
            case SendOutcome.Ambiguous a:
                await rounds.MarkAmbiguousAsync(work.DeliveryId, a.Error, ct);
                break;
            case SendOutcome.Failed f:
                await rounds.MarkFailedAsync(work.DeliveryId, f.Error, f.RetryAfter, ct);
                break;
        }
        return false;
    }

    /// Null when the delivery no longer makes sense (e.g. the person lost their seat); it is then recorded.
    private async Task<AdaptiveCard?> CardAsync(DeliveryWork work, CancellationToken ct)
    {
        var mri = work.EntraObjectId is { } aad ? (await conversations.FindPersonalAsync(aad, ct))?.UserId ?? "" : "";
        var now = clock.GetUtcNow();
        if (work.Kind == DeliveryKind.Digest)
        {
            return await rounds.DigestAsync(Actor.Scheduler, work.RoundId, ct) switch
            {
                Lookup<DigestView>.Found f => C.RoundStatusCards.Digest(RoundStatusMapper.Digest(f.Value, mri.Length > 0 ? [mri] : [])),
                Lookup<DigestView>.Refused r => await GiveUpAsync(work, r.Refusal, ct),
                _ => null,
            };
        }

        var lookup = await rounds.GetUpdateForEditingAsync(Actor.FromPerson(work.PersonId), work.UpdateId ?? 0, ct);
        if (lookup is not Lookup<UpdateView>.Found { Value: var view })
        {
            return await GiveUpAsync(work, ((Lookup<UpdateView>.Refused)lookup).Refusal, ct);
        }
        return work.Kind == DeliveryKind.Chaser
            ? C.RoundMessageCards.Chaser(RoundCardMapper.Chaser(view, mri, now))
            : PersonalCards.Current(view, mri, now);
    }

    private async Task<AdaptiveCard?> GiveUpAsync(DeliveryWork work, Refusal refusal, CancellationToken ct)
    {
        await rounds.MarkUnreachableAsync(work.DeliveryId, refusal.Message, ct);
        return null;
    }

    private static string Summary(DeliveryWork work) => work.Kind switch
    {
        DeliveryKind.Prompt => "Your quarterly update to the OSP is open",
        DeliveryKind.Chaser => "Reminder: your quarterly update is due",
        DeliveryKind.Reminder => "Reminder: your quarterly update",
        _ => "Quarterly updates: digest",
    };
}
