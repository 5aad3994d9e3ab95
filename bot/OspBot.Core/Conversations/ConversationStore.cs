using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Data;

namespace OspBot.Conversations;

/// Remembers where the bot can write proactively, and whether it still can.
internal sealed class ConversationStore(
    OspDbContext db, ConversationWriteCache cache, TimeProvider clock, ILogger<ConversationStore> logger)
    : IConversationReachability
{
    /// LastSeenAt is refreshed at most this often for a conversation whose details have not changed.
    internal static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(10);

    internal const string AppRemoved = "AppRemoved";

    /// RFC 5321's longest address.
    internal const int MaxEmailLength = 320;

    /// Upserts the conversation an inbound activity came from. Runs on every activity, so an unchanged
    /// conversation seen recently costs a dictionary lookup and no database round trip.
    public async Task RecordAsync(ConversationSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = clock.GetUtcNow();
        if (!snapshot.IsInstall && cache.IsFresh(snapshot, now, LastSeenResolution))
        {
            return;
        }

        var gate = cache.WriteGateFor(snapshot.ConversationId);
        await gate.WaitAsync(ct);
        try
        {
            if (!snapshot.IsInstall && cache.IsFresh(snapshot, clock.GetUtcNow(), LastSeenResolution))
            {
                return;
            }

            await UpsertAsync(snapshot, now, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task UpsertAsync(ConversationSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Conversations.SingleOrDefaultAsync(c => c.ConversationId == snapshot.ConversationId, ct);
        var isNew = row is null;
        if (row is null)
        {
            row = new ConversationReference
            {
                ConversationId = snapshot.ConversationId,
                ChannelId = snapshot.ChannelId,
                ServiceUrl = snapshot.ServiceUrl,
                InstalledAt = now,
            };
            db.Conversations.Add(row);
        }
        Apply(row, snapshot, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Another turn in the same new conversation inserted it first (unique ConversationId): update theirs.
            db.Entry(row).State = EntityState.Detached;
            row = await db.Conversations.SingleAsync(c => c.ConversationId == snapshot.ConversationId, ct);
            Apply(row, snapshot, now);
            await db.SaveChangesAsync(ct);
        }
        cache.Remember(snapshot, now);
    }

    private void Apply(ConversationReference row, ConversationSnapshot s, DateTimeOffset now)
    {
        row.ChannelId = s.ChannelId;
        row.ServiceUrl = s.ServiceUrl;
        // Not every activity carries every detail (a message may lack the channel name): keep what we knew.
        row.ConversationType = s.ConversationType ?? row.ConversationType;
        row.TenantId = s.TenantId ?? row.TenantId;
        row.BotId = s.BotId ?? row.BotId;
        row.UserId = s.UserId ?? row.UserId;
        row.UserAadObjectId = s.UserAadObjectId ?? row.UserAadObjectId;
        row.UserName = s.UserName ?? row.UserName;
        row.TeamId = s.TeamId ?? row.TeamId;
        row.ChannelName = s.ChannelName ?? row.ChannelName;
        row.Locale = s.Locale ?? row.Locale;
        row.LastSeenAt = now;
        if (s.IsInstall)
        {
            row.InstalledAt = now;
        }
        if (row.UnreachableSince is not null)
        {
            // Someone wrote to us from here, or reinstalled the app: we can write back again.
            row.UnreachableSince = null;
            row.UnreachableReason = null;
            logger.ConversationReachableAgain(row.ConversationId);
        }
    }

    public async Task MarkUnreachableAsync(string conversationId, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var now = clock.GetUtcNow();
        var changed = await db.Conversations
            .Where(c => c.ConversationId == conversationId && c.UnreachableSince == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.UnreachableSince, now)
                .SetProperty(c => c.UnreachableReason, reason), ct);
        // Whatever the cache remembered, the next inbound activity must reach the database to clear the mark.
        cache.Forget(conversationId);
        if (changed > 0)
        {
            logger.ConversationUnreachable(conversationId, reason);
        }
    }

    /// True for a personal chat whose user's e-mail is not known yet.
    public Task<bool> LacksUserEmailAsync(string conversationId, CancellationToken ct) =>
        db.Conversations.AnyAsync(c => c.ConversationId == conversationId && c.ConversationType == "personal" && c.UserEmail == null, ct);

    /// Keeps the personal chat user's e-mail (from their roster entry); anything longer than an address can be is ignored.
    public async Task RecordUserEmailAsync(string conversationId, string email, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxEmailLength)
        {
            return;
        }
        await db.Conversations.Where(c => c.ConversationId == conversationId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UserEmail, address), ct);
    }

    /// The app was uninstalled from this chat or team.
    public Task MarkRemovedAsync(string conversationId, CancellationToken ct) =>
        MarkUnreachableAsync(conversationId, AppRemoved, ct);
}
