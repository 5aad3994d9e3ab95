using Microsoft.Extensions.Logging;
using OspBot.Cards.Model;
using OspBot.Conversations;
using OspBot.Jobs.Meetings;
using OspBot.Members;
using OspBot.Notifications;
using OspBot.Rounds;
using C = OspBot.Cards.Rounds;

namespace OspBot.Jobs.Rounds;

/// Sends what the rounds queue says is due: opens the rounds of planned steering group meetings whose prompt
/// date has come (so their prompts go out in this same run), schedules chasers and digests, claims due deliveries in batches,
/// builds each person's card, sends it and records the outcome, until nothing more is due.
internal sealed class RoundDispatcher(
    RoundService rounds, ConversationStore conversations, ITeamsNotifier notifier, TimeProvider clock, ILogger<RoundDispatcher> logger,
    MeetingDeliveries meetings, DeliverySends sends)
{
    public const int BatchSize = 200;

    /// Sends marked Sending at once, hence the most a crash can leave in doubt (Ambiguous). Enough that sends
    /// waiting out a 429's Retry-After leave others to use the app's budget; the connector's limiter is what keeps
    /// the fan-out within Teams' rates (the app's 50/s, each conversation's windows, any Retry-After).
    public const int ParallelSends = 32;

    /// Returns how many messages were sent.
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await rounds.OpenScheduledAsync(ct);
        await rounds.ScheduleDueAsync(ct);
        var sent = 0;
        while (await rounds.ClaimDueAsync(BatchSize, ct) is { Count: > 0 } batch)
        {
            var outcomes = await SendBatchAsync(batch, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                sent += outcomes[i] is SendOutcome.Sent ? 1 : 0;
            }
        }
        return sent;
    }

    /// Builds the cards one at a time (one DbContext) and starts each send as soon as its card is ready and one of
    /// the ParallelSends slots is free, so only the sends overlap. A null outcome: no card, or never sent (our
    /// claim lapsed).
    private async Task<SendOutcome?[]> SendBatchAsync(IReadOnlyList<DeliveryWork> batch, CancellationToken ct)
    {
        var cards = new AdaptiveCard?[batch.Count];
        var outcomes = new SendOutcome?[batch.Count];
        var started = new bool[batch.Count];
        var inFlight = new List<Task>(batch.Count);
        using var slots = new SemaphoreSlim(ParallelSends);
        async Task SendAsync(int i)
        {
            await slots.WaitAsync(ct);
            try
            {
                started[i] = true;
                // Marked Sending just before, recorded just after (DeliverySends): a crash leaves only this send in doubt.
                outcomes[i] = await sends.SendAsync(batch[i],
                    t => notifier.SendCardAsync(batch[i].ServiceUrl, batch[i].ConversationId, cards[i]!.ToJsonElement(), Summary(batch[i]), t), ct);
            }
            finally
            {
                slots.Release();
            }
        }

        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if ((cards[i] = await PrepareAsync(batch[i], ct)) is not null)
                {
                    inFlight.Add(SendAsync(i));
                }
            }

            await Task.WhenAll(inFlight);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what never left is released for the next run; a send cut off mid-flight stays
            // Sending and turns Ambiguous when its lease ends, because it may have been delivered.
            for (var i = 0; i < batch.Count; i++)
            {
                if (cards[i] is not null && !started[i])
                {
                    await rounds.MarkFailedAsync(batch[i].DeliveryId, "Not sent: the bot was stopping.", TimeSpan.Zero, CancellationToken.None);
                }
            }

            throw;
        }

        return outcomes;
    }

    private async Task<AdaptiveCard?> PrepareAsync(DeliveryWork work, CancellationToken ct)
    {
        try
        {
            return await CardAsync(work, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was sent: a later run tries again.
            logger.CardFailed(ex, work.DeliveryId);
            await rounds.MarkFailedAsync(work.DeliveryId, ex.Message, TimeSpan.FromMinutes(5), ct);
            return null;
        }
    }

    /// Null when the delivery no longer makes sense (e.g. the person lost their seat); it is then recorded.
    private async Task<AdaptiveCard?> CardAsync(DeliveryWork work, CancellationToken ct)
    {
        // Meetings decide for meeting reminders, and for anyone out of office (chasers, reminders): see MeetingDeliveries.
        if (await meetings.PrepareAsync(work, ct) is { Handled: true } meeting)
        {
            return meeting.Card;
        }
        var mri = work.EntraObjectId is { } aad ? (await conversations.FindPersonalAsync(aad, ct))?.UserId ?? "" : "";
        var now = clock.GetUtcNow();
        if (work.Kind == DeliveryKind.Digest)
        {
            return await rounds.DigestAsync(Actor.Scheduler, work.RoundId ?? 0, ct) switch
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
        DeliveryKind.MeetingReminder => "Reminder: an OSP meeting is coming up",
        _ => "Quarterly updates: digest",
    };
}
