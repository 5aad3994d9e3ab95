using Microsoft.Extensions.Logging;

namespace OspBot.Outbox;

/// Sends what is due: asks the planners to queue what has come due (IDeliveryPlanner), claims due deliveries in
/// batches, has the feature that owns each kind render it (IOutboxRenderer), sends it and records the outcome, until
/// nothing more is due. The channel is chosen per delivery at claim time: Teams (ITeamsNotifier, to the person's
/// personal chat) or e-mail (IMailChannel, when the Mail feature is added), each marked Sending at the last moment.
internal sealed partial class OutboxDispatcher(
    DeliveryClaims claims,
    DeliveryOutcomes outcomes,
    DeliverySends sends,
    OutboxRenderers renderers,
    IEnumerable<IDeliveryPlanner> planners,
    IAbsenceCheck absence,
    ITeamsNotifier teams,
    IEnumerable<IMailChannel> mailChannels,
    ILogger<OutboxDispatcher> logger)
{
    private readonly IMailChannel? _mail = mailChannels.SingleOrDefault();

    /// Rows claimed at a time. Small, so the first send starts after a few rows rather than a whole round; the next
    /// claim overlaps the sends already under way.
    public const int ClaimBatchSize = 32;

    /// Sends under way at once, hence the most a crash can leave in doubt (Ambiguous): a send is marked Sending only
    /// when the connector's limiter lets it go, so fewer are in doubt whenever the limiter holds some back. Enough that
    /// sends waiting out a 429's Retry-After leave others to use the app's budget; the limiter is what keeps the
    /// fan-out within Teams' rates (the app's 50/s, each conversation's windows, any Retry-After).
    public const int ParallelSends = 32;

    /// Messages rendered ahead of the sends. Bounds the rows held Claimed and waiting, so a long queue is not claimed
    /// far beyond what can start before OutboxOptions.ClaimLease ends.
    public const int CardsAhead = 64;

    /// Returns how many messages were sent.
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        foreach (var planner in planners)
        {
            await planner.PlanDueAsync(ct);
        }
        using var slots = new SemaphoreSlim(ParallelSends);
        using var ahead = new SemaphoreSlim(CardsAhead);
        var pipeline = new SendPipeline(this, claims, slots, ahead);
        try
        {
            // A pass claims until nothing is due, each message's send starting as soon as it is rendered; then it
            // waits for the sends, whose failures may have come due again (a short Retry-After), and passes again.
            while (await pipeline.RunPassAsync(ct))
            {
            }
        }
        catch (OperationCanceledException)
        {
            await pipeline.ReleaseUnstartedAsync();
            throw;
        }
        return pipeline.Items.Count(i => i.Outcome is SendOutcome.Sent);
    }

    /// Starts one message's send when one of the ParallelSends slots is free. Marked Sending as it leaves the rate
    /// limiter, recorded just after (DeliverySends): a crash leaves only the sends in flight in doubt.
    private async Task SendAsync(SendItem item, SemaphoreSlim slots, SemaphoreSlim ahead, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            ahead.Release();
            item.Outcome = await sends.SendAsync(item.Work, (beforeSend, t) => item.Mail is { } mail
                ? _mail!.SendAsync(mail, beforeSend, t)
                : teams.SendCardAsync(item.Work.ServiceUrl, item.Work.ConversationId, item.Message.Card, item.Message.Summary, beforeSend, t), ct);
        }
        finally
        {
            slots.Release();
        }
    }

    /// The message, and the e-mail when the delivery goes by e-mail; null when nothing goes.
    private async Task<(Rendered.Message Message, OutgoingMail? Mail)?> PrepareAsync(DeliveryWork work, CancellationToken ct)
    {
        try
        {
            if (await RenderAsync(work, ct) is not { } message)
            {
                return null;
            }
            var mail = work.Channel == DeliveryChannel.Email ? await _mail!.ComposeAsync(work, ct) : null;
            return (message, mail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was sent: a later run tries again.
            logger.CardFailed(ex, work.DeliveryId);
            await outcomes.MarkFailedAsync(work.DeliveryId, ex.Message, TimeSpan.FromMinutes(5), ct);
            return null;
        }
    }

    /// Null when the delivery is not sent after all (its person is away, or its feature no longer wants it); it is
    /// then recorded as such.
    private async Task<Rendered.Message?> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        var renderer = renderers.For(work.Kind);
        var rendered = renderer.SkipsWhenAway(work.Kind) && await absence.IsAwayAsync(work.PersonId, ct)
            ? new Rendered.NotSent(DeliveryState.OutOfOffice, DeliveryReasons.OutOfOffice)
            : await renderer.RenderAsync(work, ct);
        if (rendered is Rendered.NotSent notSent)
        {
            await outcomes.MarkNotSentAsync(work, notSent, ct);
            return null;
        }
        return (Rendered.Message)rendered;
    }
}

/// The renderer of each delivery kind, from the features' registrations.
internal sealed class OutboxRenderers(IEnumerable<IOutboxRenderer> renderers)
{
    private readonly Dictionary<DeliveryKind, IOutboxRenderer> _byKind = renderers
        .SelectMany(r => r.Kinds.Select(k => (Kind: k, Renderer: r)))
        .ToDictionary(p => p.Kind, p => p.Renderer);

    public IOutboxRenderer For(DeliveryKind kind) =>
        _byKind.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"No feature renders {kind} deliveries.");
}
