using Microsoft.Extensions.Options;

namespace OspBot.Teams.Connector;

/// Keeps sends within Teams' per-conversation windows (7/1 s, 8/2 s, 60/30 s, 1800/h) and the per-app window
/// (50/s) by waiting, never by failing.
///
/// Why not System.Threading.RateLimiting: its SlidingWindowRateLimiter counts in segments, so a permit taken
/// late in one segment is handed back up to one segment early (up to 2x the limit in a true sliding window),
/// and a chain of limiters spends a permit in the first limiter while the request still waits in the next,
/// so the first limiter's count no longer matches when the request is actually sent. Teams counts real
/// sliding windows, and all of ours must hold at the moment of sending, so every window of the conversation
/// and of the app is checked and stamped together, under one lock, at the instant the caller is released.
internal sealed class ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly long _origin = time.GetTimestamp();
    private readonly Dictionary<string, SendLog> _conversations = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RateWindow> _conversationWindows = options.Value.EffectiveConversationWindows;
    private readonly SendLog _app = new(options.Value.EffectiveAppWindows, options.Value.WindowMargin);
    private int _sendsSinceSweep;

    /// Waits until one more request may be sent to the conversation (null: app window only, e.g. a create).
    public async ValueTask WaitAsync(string? conversationId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetElapsedTime(_origin);
                var log = conversationId is null ? null : LogFor(conversationId);
                var allowedAt = Max(_app.NextAllowed(now), log?.NextAllowed(now) ?? now);
                if (allowedAt <= now)
                {
                    _app.Stamp(now);
                    log?.Stamp(now);
                    SweepIdle(now);
                    return;
                }

                wait = allowedAt - now;
            }

            // Re-checked after the wait: other callers may have taken the freed slot first.
            await Task.Delay(wait, time, ct);
        }
    }

    private SendLog LogFor(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            log = new SendLog(_conversationWindows, options.Value.WindowMargin);
            _conversations.Add(conversationId, log);
        }

        return log;
    }

    // Forgets conversations quiet for longer than their longest window, so the map stays as small as the
    // set of recently active conversations.
    private void SweepIdle(TimeSpan now)
    {
        if (++_sendsSinceSweep < 1000)
        {
            return;
        }

        _sendsSinceSweep = 0;
        foreach (var (id, log) in _conversations)
        {
            if (log.IsIdle(now))
            {
                _conversations.Remove(id);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// Send times of one conversation (or of the app), oldest first.
    private sealed class SendLog(IReadOnlyList<RateWindow> windows, TimeSpan margin)
    {
        private readonly List<TimeSpan> _stamps = [];
        private readonly int _keep = windows.Max(w => w.Permits);
        private readonly TimeSpan _longest = windows.Max(w => w.Window) + margin;

        // A window of N permits is full while the N-th most recent send is younger than the window;
        // it frees up exactly when that send ages out.
        public TimeSpan NextAllowed(TimeSpan now)
        {
            var allowedAt = now;
            foreach (var w in windows)
            {
                if (_stamps.Count >= w.Permits)
                {
                    var freedAt = _stamps[^w.Permits] + w.Window + margin;
                    allowedAt = freedAt > allowedAt ? freedAt : allowedAt;
                }
            }

            return allowedAt;
        }

        public void Stamp(TimeSpan now)
        {
            _stamps.Add(now);

            // Only the last max(Permits) sends are ever looked at; trim in batches to keep Add amortised O(1).
            if (_stamps.Count > 2 * _keep)
            {
                _stamps.RemoveRange(0, _stamps.Count - _keep);
            }
        }

        public bool IsIdle(TimeSpan now) => _stamps.Count == 0 || now - _stamps[^1] > _longest;
    }
}
