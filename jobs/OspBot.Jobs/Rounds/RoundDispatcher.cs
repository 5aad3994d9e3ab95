using Microsoft.Extensions.Logging;
using OspBot.Cards.Model;
using OspBot.Common;
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
internal sealed partial class RoundDispatcher(
    RoundService rounds, ITeamsNotifier notifier, TimeProvider clock, ILogger<RoundDispatcher> logger,
    MeetingDeliveries meetings, DeliverySends sends)
{
    /// Rows claimed at a time. Small, so the first send starts after a few rows rather than a whole round; the next
    /// claim overlaps the sends already under way.
    public const int ClaimBatchSize = 32;

    /// Sends under way at once, hence the most a crash can leave in doubt (Ambiguous): a send is marked Sending only
    /// when the connector's limiter lets it go, so fewer are in doubt whenever the limiter holds some back. Enough that
    /// sends waiting out a 429's Retry-After leave others to use the app's budget; the limiter is what keeps the
    /// fan-out within Teams' rates (the app's 50/s, each conversation's windows, any Retry-After).
    public const int ParallelSends = 32;

    /// Cards built ahead of the sends. Bounds the rows held Claimed and waiting, so a long queue is not claimed
    /// far beyond what can start before RoundOptions.ClaimLease ends.
    public const int CardsAhead = 64;

    /// Returns how many messages were sent.
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await rounds.OpenScheduledAsync(ct);
        await rounds.ScheduleDueAsync(ct);
        var sent = 0;
        using var slots = new SemaphoreSlim(ParallelSends);
        using var ahead = new SemaphoreSlim(CardsAhead);
        var pipeline = new SendPipeline(this, rounds, slots, ahead);
        try
        {
            // A pass claims until nothing is due, each card's send starting as soon as it is built; then it waits for
            // the sends, whose failures may have come due again (a short Retry-After), and passes again.
            while (await pipeline.RunPassAsync(ct))
            {
            }
        }
        catch (OperationCanceledException)
        {
            await pipeline.ReleaseUnstartedAsync();
            throw;
        }
        foreach (var item in pipeline.Items)
        {
            sent += item.Outcome is SendOutcome.Sent ? 1 : 0;
        }
        return sent;
    }

    /// Starts one card's send when one of the ParallelSends slots is free. Marked Sending as it leaves the rate
    /// limiter, recorded just after (DeliverySends): a crash leaves only the sends in flight in doubt.
    private async Task SendAsync(SendItem item, SemaphoreSlim slots, SemaphoreSlim ahead, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            ahead.Release();
            item.Outcome = await sends.SendAsync(item.Work, (beforeSend, t) => notifier.SendCardAsync(
                item.Work.ServiceUrl, item.Work.ConversationId, item.Card.ToJsonElement(), Summary(item.Work), beforeSend, t), ct);
        }
        finally
        {
            slots.Release();
        }
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
        var mri = work.UserId ?? "";
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
