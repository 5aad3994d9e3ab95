using System.IO.Hashing;
using System.Runtime.InteropServices;
using OspBot.Deduplication;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Teams re-delivers an activity whose answer took too long (spec 1.5): the same id must run once. A repeat
/// of a running turn shares it; a repeat of a finished one is answered from memory (invokes with the same
/// answer). Ids are remembered as 64-bit hashes in two generations, so memory stays flat under load.
/// With a shared store (PostgreSQL, several instances) this in-memory front still catches repeats within the
/// process, and the store catches a repeat that reaches another instance (ActivityDeduplicator.Shared.cs).
internal sealed partial class ActivityDeduplicator(
    TimeProvider time, ILogger<ActivityDeduplicator> logger, IActivityIdStore? shared = null, ITurnObserver? observer = null)
{
    /// Teams retries within a minute or two; every id is remembered for between one and two generations.
    public static readonly TimeSpan Generation = TimeSpan.FromMinutes(3);

    // A random seed per process: hashes of ids cannot be predicted from outside, so colliding ids cannot be
    // crafted; an accidental collision of two 64-bit hashes within minutes is vanishingly unlikely.
    private static readonly long Seed = Random.Shared.NextInt64();

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, Task<InvokeResponse?>> _running = [];
    private Dictionary<ulong, InvokeResponse?> _current = [];
    private Dictionary<ulong, InvokeResponse?> _previous = [];
    private DateTimeOffset _generationStarted = time.GetUtcNow();

    public (Task<InvokeResponse?> Turn, bool IsRepeat) RunOnce(Activity activity, Func<Task<InvokeResponse?>> run)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(run);
        if (activity.Id is not { Length: > 0 } id)
        {
            return (run(), false);
        }

        // Activity ids are unique within a conversation, not across conversations.
        var key = KeyOf(activity.Conversation?.Id, id);
        TaskCompletionSource<InvokeResponse?> mine;
        lock (_lock)
        {
            RotateIfDue();
            if (_current.TryGetValue(key, out var answer) || _previous.TryGetValue(key, out answer))
            {
                return (Task.FromResult(answer), true);
            }

            if (_running.TryGetValue(key, out var running))
            {
                return (running, true);
            }

            mine = new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[key] = mine.Task;
        }

        _ = CompleteAsync(key, shared is null ? run : () => RunOnceAcrossInstancesAsync(shared, activity, run), mine);
        return (mine.Task, false);
    }

    private async Task CompleteAsync(ulong key, Func<Task<InvokeResponse?>> run, TaskCompletionSource<InvokeResponse?> done)
    {
        InvokeResponse? answer = null;
        Exception? failure = null;
        try
        {
            answer = await run();
        }
        catch (Exception ex)
        {
            // Only cancellation at shutdown gets here (the turn's error boundary catches the rest); a repeat
            // of this activity after restart runs again, which is what Teams' re-delivery is for.
            failure = ex;
        }

        lock (_lock)
        {
            _running.Remove(key);
            if (failure is null)
            {
                _current[key] = answer;
            }
        }

        if (failure is null)
        {
            done.TrySetResult(answer);
        }
        else
        {
            done.TrySetException(failure);
        }
    }

    private void RotateIfDue()
    {
        var now = time.GetUtcNow();
        if (now - _generationStarted < Generation)
        {
            return;
        }

        _previous = now - _generationStarted < 2 * Generation ? _current : [];
        _current = [];
        _generationStarted = now;
    }

    private static ulong KeyOf(string? conversationId, string activityId)
    {
        var hash = new XxHash3(Seed);
        hash.Append(MemoryMarshal.AsBytes((conversationId ?? "").AsSpan()));
        hash.Append([0, 0]);
        hash.Append(MemoryMarshal.AsBytes(activityId.AsSpan()));
        return hash.GetCurrentHashAsUInt64();
    }
}
