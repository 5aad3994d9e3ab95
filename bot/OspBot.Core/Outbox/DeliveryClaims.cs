using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;

namespace OspBot.Outbox;

/// Who sends which due delivery. A claim is one atomic Pending→Claimed statement stamped with a fresh token, so two
/// dispatchers (two instances on PostgreSQL) never take the same row, and a batch costs a few statements rather than
/// a few per row; each send then starts with BeginSendAsync, and only rows whose send had started when a dispatcher
/// died become Ambiguous.
internal sealed class DeliveryClaims(
    OspDbContext db, DeliveryOutcomes outcomes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<DeliveryClaims> logger,
    IEnumerable<IMailChannel> mailChannels)
{
    private readonly IMailChannel? _mail = mailChannels.SingleOrDefault();

    /// Claims up to max due deliveries for sending, oldest first. Deliveries to people without a reachable personal
    /// chat are recorded unreachable here and not handed out.
    public async Task<IReadOnlyList<DeliveryWork>> ClaimDueAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RecoverInterruptedAsync(now, ct);

        var token = Guid.NewGuid();
        if (await ClaimAsync(max, now, token, ct) == 0)
        {
            return [];
        }
        var won = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Claimed && d.ClaimToken == token)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .Select(d => new ClaimedRow(d.Id, d.Kind, d.RoundId, d.MeetingId, d.SubGroupUpdateId, d.ReportPartId, d.PersonId,
                d.Person!.Name, d.Person.EntraObjectId, d.Person.Email, d.Person.Channel, d.IdempotencyKey, d.Attempts))
            .ToListAsync(ct);
        var chats = await PersonalChatsAsync([.. won.Select(d => d.EntraObjectId).OfType<string>().Distinct()], ct);

        var claimed = new List<DeliveryWork>(won.Count);
        foreach (var d in won)
        {
            var chat = d.EntraObjectId is null ? null : chats.GetValueOrDefault(d.EntraObjectId);
            if (ByEmail(d, chat is { UnreachableSince: null }) is { } byEmail)
            {
                if (byEmail.Email is null)
                {
                    await outcomes.MarkUnreachableAsync(d.Id, DeliveryReasons.NoEmail, ct);
                    continue;
                }
                claimed.Add(byEmail);
                continue;
            }
            if (chat is null || chat.UnreachableSince is not null)
            {
                var reason = d.EntraObjectId is null ? DeliveryReasons.NotLinked
                    : chat?.UnreachableReason ?? DeliveryReasons.AppNotInstalled;
                await outcomes.MarkUnreachableAsync(d.Id, reason, ct);
                continue;
            }
            claimed.Add(Work(d) with
            {
                ConversationId = chat.ConversationId,
                ServiceUrl = chat.ServiceUrl,
                UserId = chat.UserId,
            });
        }
        return claimed;
    }

    /// The e-mail work for a delivery that goes by e-mail (its Email null when the person has no address), or null
    /// when it goes by Teams. Teams then e-mail falls back when there is no working chat; the automatic channel of
    /// someone inside the tenant falls back too, but only after the first attempt (the one that lets Meetings
    /// install OspBot for them). A kind the mail channel cannot write stays in Teams; a meeting invitation or
    /// cancellation, which Teams cannot carry, goes by e-mail to anyone reached by Teams then e-mail.
    private DeliveryWork? ByEmail(ClaimedRow d, bool teamsWorks)
    {
        if (_mail is null || !_mail.Writes(d.Kind))
        {
            return null;
        }
        var channel = _mail.Effective(d.Channel, d.Email);
        var hasAddress = !string.IsNullOrWhiteSpace(d.Email);
        var email = channel == ContactChannel.Email
            || (hasAddress && channel == ContactChannel.TeamsThenEmail && (!teamsWorks || d.Kind is DeliveryKind.MeetingInvite or DeliveryKind.MeetingCancelled))
            || (!teamsWorks && hasAddress && d.Channel is null && d.Attempts > 1);
        if (!email)
        {
            return null;
        }
        return Work(d) with { Channel = DeliveryChannel.Email, Email = hasAddress ? d.Email!.Trim() : null };
    }

    /// What every channel's work carries; the channel adds where it goes.
    private static DeliveryWork Work(ClaimedRow d) => new()
    {
        DeliveryId = d.Id,
        Kind = d.Kind,
        RoundId = d.RoundId,
        MeetingId = d.MeetingId,
        UpdateId = d.SubGroupUpdateId,
        ReportPartId = d.ReportPartId,
        PersonId = d.PersonId,
        PersonName = d.Name,
        EntraObjectId = d.EntraObjectId,
        IdempotencyKey = d.IdempotencyKey,
        Attempt = d.Attempts,
    };

    private sealed record ClaimedRow(
        int Id, DeliveryKind Kind, int? RoundId, int? MeetingId, int? SubGroupUpdateId, int? ReportPartId, int PersonId, string Name,
        string? EntraObjectId, string? Email, ContactChannel? Channel, string IdempotencyKey, int Attempts);

    /// Marks one claimed delivery Sending, just before its request goes out; false when this dispatcher's claim has
    /// lapsed (the row went back to the queue, perhaps to another dispatcher), and then it must not send. The claim is
    /// recognised by its attempt number, which every claim increments.
    internal static async Task<bool> BeginSendAsync(OspDbContext db, DeliveryWork work, DateTimeOffset now, CancellationToken ct) =>
        await db.Deliveries
            .Where(d => d.Id == work.DeliveryId && d.State == DeliveryState.Claimed && d.Attempts == work.Attempt)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Sending)
                .SetProperty(d => d.Channel, work.Channel)
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
                .SetProperty(d => d.LastError, DeliveryOutcomes.Truncate(reason)), ct);

    /// The single claiming statement. On PostgreSQL the candidates are locked with SKIP LOCKED, so a second instance
    /// claiming at the same moment takes the next rows instead of waiting for the first and then finding them gone.
    /// SQLite runs one writer at a time, so its UPDATE over a subquery is atomic as it stands.
    private async Task<int> ClaimAsync(int max, DateTimeOffset now, Guid token, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            string pending = nameof(DeliveryState.Pending), claimed = nameof(DeliveryState.Claimed);
            return await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Deliveries" SET "State" = {claimed}, "ClaimedAt" = {now}, "Attempts" = "Attempts" + 1, "ClaimToken" = {token}
                WHERE "State" = {pending} AND "Id" IN (
                    SELECT "Id" FROM "Deliveries" WHERE "State" = {pending} AND "DueAt" <= {now}
                    ORDER BY "DueAt", "Id" LIMIT {max} FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        var due = db.Deliveries.Where(d => d.State == DeliveryState.Pending && d.DueAt <= now)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(max).Select(d => d.Id);
        return await db.Deliveries.Where(d => d.State == DeliveryState.Pending && due.Contains(d.Id))
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Claimed)
                .SetProperty(d => d.ClaimedAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.ClaimToken, token), ct);
    }

    /// Each person's personal chat with the bot (reachable first, then the most recently seen), in one query.
    private async Task<Dictionary<string, ConversationReference>> PersonalChatsAsync(IReadOnlyList<string> aadIds, CancellationToken ct)
    {
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => c.UserAadObjectId != null && aadIds.Contains(c.UserAadObjectId) && c.ConversationType == "personal")
            .ToListAsync(ct);
        return chats.GroupBy(c => c.UserAadObjectId!).ToDictionary(
            g => g.Key, g => g.OrderBy(c => c.UnreachableSince != null).ThenByDescending(c => c.LastSeenAt).First());
    }

    /// What a dispatcher that died or stalled left behind: claims never started go back to the queue (nothing left);
    /// sends started and never reported become Ambiguous (they may have arrived), shown to the secretariat, not resent.
    private async Task RecoverInterruptedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var claimCutoff = now - options.Value.ClaimLease;
        var released = await db.Deliveries
            .Where(d => d.State == DeliveryState.Claimed && d.ClaimedAt < claimCutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null), ct);
        if (released > 0)
        {
            logger.DeliveriesReleased(released);
        }

        var sendCutoff = now - options.Value.DeliveryLease;
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
