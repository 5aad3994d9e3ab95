using Microsoft.EntityFrameworkCore;
using OspBot.Conversations;
using OspBot.Notifications;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    /// Claims up to max due deliveries for sending, oldest first. The claim is one atomic Pending→Claimed statement
    /// stamped with a fresh token, so two dispatchers (two instances on PostgreSQL) never take the same row, and
    /// a batch costs a few statements rather than a few per row; each send then starts with BeginSendAsync
    /// (RoundService.Leases.cs), and only rows whose send had started when a dispatcher died become Ambiguous.
    public async Task<IReadOnlyList<DeliveryWork>> ClaimDueAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RecoverInterruptedAsync(now, ct);
        await CancelUnwantedAsync(ct);

        var token = Guid.NewGuid();
        if (await ClaimAsync(max, now, token, ct) == 0)
        {
            return [];
        }
        var won = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Claimed && d.ClaimToken == token)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.RoundId, d.MeetingId, d.SubGroupUpdateId, d.PersonId, d.Person!.Name, d.Person.EntraObjectId, d.IdempotencyKey, d.Attempts })
            .ToListAsync(ct);
        var roundIds = won.Where(d => d.RoundId is not null).Select(d => d.RoundId!.Value).Distinct().ToList();
        var deadlines = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DeadlineAt, ct);
        var chats = await PersonalChatsAsync([.. won.Select(d => d.EntraObjectId).OfType<string>().Distinct()], ct);

        var claimed = new List<DeliveryWork>(won.Count);
        foreach (var d in won)
        {
            var chat = d.EntraObjectId is null ? null : chats.GetValueOrDefault(d.EntraObjectId);
            if (chat is null || chat.UnreachableSince is not null)
            {
                var reason = d.EntraObjectId is null ? DeliveryReasons.NotLinked
                    : chat?.UnreachableReason ?? DeliveryReasons.AppNotInstalled;
                await MarkUnreachableAsync(d.Id, reason, ct);
                continue;
            }
            claimed.Add(new DeliveryWork
            {
                DeliveryId = d.Id,
                Kind = d.Kind,
                RoundId = d.RoundId,
                MeetingId = d.MeetingId,
                UpdateId = d.SubGroupUpdateId,
                PersonId = d.PersonId,
                PersonName = d.Name,
                EntraObjectId = d.EntraObjectId,
                IdempotencyKey = d.IdempotencyKey,
                ConversationId = chat.ConversationId,
                ServiceUrl = chat.ServiceUrl,
                UserId = chat.UserId,
                Attempt = d.Attempts,
                DaysLeft = d.RoundId is { } roundId ? RoundCalendar.DaysLeft(now, deadlines[roundId]) : 0,
            });
        }
        return claimed;
    }

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
}
