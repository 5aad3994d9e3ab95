using System.Collections.Concurrent;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Teams re-delivers an activity whose answer took too long (spec 1.5): the same id must run once. The
/// first delivery's turn is remembered for a while; a repeat shares it, so an invoke gets the same answer.
internal sealed class ActivityDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(15);
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public (Task<InvokeResponse?> Turn, bool IsRepeat) RunOnce(Activity activity, Func<Task<InvokeResponse?>> run)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(run);
        if (activity.Id is not { Length: > 0 } id)
        {
            return (run(), false);
        }

        // Activity ids are unique within a conversation, not across conversations.
        var key = string.Concat(activity.Conversation?.Id, "\n", id);
        var now = time.GetUtcNow();
        var mine = new Seen(now, new Lazy<Task<InvokeResponse?>>(run));
        var winner = _seen.GetOrAdd(key, mine);
        if (!ReferenceEquals(winner, mine))
        {
            if (now - winner.At < RememberFor || !_seen.TryUpdate(key, mine, winner))
            {
                return (winner.Turn.Value, true);
            }
        }

        SweepOccasionally(now);
        return (mine.Turn.Value, false);
    }

    private void SweepOccasionally(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _sinceSweep) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (key, seen) in _seen)
        {
            if (now - seen.At >= RememberFor)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }

    private sealed record Seen(DateTimeOffset At, Lazy<Task<InvokeResponse?>> Turn);
}
