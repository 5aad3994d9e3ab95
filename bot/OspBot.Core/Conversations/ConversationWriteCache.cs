using System.Collections.Concurrent;

namespace OspBot.Conversations;

/// The last snapshot each conversation was written with, and when. Process-wide (singleton) so that the write
/// skipped on a busy conversation is skipped across turns; it holds one small entry per conversation the bot
/// talks in, which for the OSP is a few hundred at most.
internal sealed class ConversationWriteCache
{
    private readonly ConcurrentDictionary<string, Written> _written = new(StringComparer.Ordinal);

    // Turns of one conversation write its row one at a time in this process, so a burst of first messages
    // inserts once instead of racing into the unique index (across instances the store still copes).
    private readonly SemaphoreSlim[] _writeGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public SemaphoreSlim WriteGateFor(string conversationId) =>
        _writeGates[(uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_writeGates.Length];

    public bool IsFresh(ConversationSnapshot snapshot, DateTimeOffset now, TimeSpan maxAge) =>
        _written.TryGetValue(snapshot.ConversationId, out var last)
        && last.Snapshot == snapshot
        && now - last.At < maxAge;

    public void Remember(ConversationSnapshot snapshot, DateTimeOffset at) =>
        _written[snapshot.ConversationId] = new Written(snapshot, at);

    public void Forget(string conversationId) => _written.TryRemove(conversationId, out _);

    private sealed record Written(ConversationSnapshot Snapshot, DateTimeOffset At);
}
