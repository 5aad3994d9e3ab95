using Microsoft.Extensions.Options;

namespace OspBot.Teams.Connector;

/// Keeps sends within Teams' per-conversation windows (7/1 s, 8/2 s, 60/30 s, 1800/h) and the per-app window
/// (50/s) by waiting, never by failing. A 429 from Teams is per conversation: <see cref="Throttled"/> makes that
/// one conversation wait out its Retry-After (every caller's send to it, not just the retry) while the others keep
/// using the app's budget.
///
/// Why not System.Threading.RateLimiting: its SlidingWindowRateLimiter counts in segments, so a permit taken late
/// in one segment comes back up to one segment early (up to twice the limit in a true sliding window), and a
/// chain of limiters spends a permit in the first while the request still waits in the next. Teams counts true
/// sliding windows by arrival, so here all windows of the conversation and the app are checked together under one
/// lock, and a send counts from its release until its response is back: the request reached Teams somewhere in
/// between, so network jitter or a slow connection can never squeeze two sends closer than a window.
internal sealed partial class ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time)
{
    // While a send that blocks the window is still in flight, its end is unknown: look again shortly.
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly long _origin = time.GetTimestamp();
    private readonly Dictionary<string, SendLog> _conversations = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RateWindow> _conversationWindows = options.Value.EffectiveConversationWindows;
    private readonly SendLog _app = new(options.Value.EffectiveAppWindows, options.Value.WindowMargin);
    private int _sendsSinceSweep;

    /// Waits until one more request may go to the conversation (null: app window only, e.g. a create).
    /// Dispose the lease once the response (or failure) is in.
    public async ValueTask<IDisposable> AcquireAsync(string? conversationId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = Now;
                var log = conversationId is null ? null : LogFor(conversationId);
                var allowedAt = Max(_app.NextAllowed(now), log?.NextAllowed(now) ?? now);
                if (allowedAt <= now)
                {
                    var send = new Send(now);
                    _app.Add(send, now);
                    log?.Add(send, now);
                    SweepIdle(now);
                    return new Lease(this, send);
                }

                wait = allowedAt == TimeSpan.MaxValue ? InFlightPoll : allowedAt - now;
            }

            // Re-checked after the wait: other callers may have taken the freed slot first.
            await Task.Delay(wait, time, ct);
        }
    }

    /// Teams answered 429 for this conversation: nothing more goes to it before the Retry-After (else a short
    /// backoff) has passed. Never shortens an earlier, longer wait.
    public void Throttled(string conversationId, HttpResponseMessage response)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(response);
        var o = options.Value;
        var wait = ConnectorResilience.RetryAfter(response, time.GetUtcNow(), o.MaxDelay) ?? o.BaseDelay;
        lock (_gate)
        {
            var log = LogFor(conversationId);
            var until = Now + wait;
            log.NotBefore = until > log.NotBefore ? until : log.NotBefore;
        }
    }

    private TimeSpan Now => time.GetElapsedTime(_origin);

    private SendLog LogFor(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            log = new SendLog(_conversationWindows, options.Value.WindowMargin);
            _conversations.Add(conversationId, log);
        }

        return log;
    }

    // Forgets conversations quiet for longer than their longest window, so the map holds only active ones.
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

    /// One request: released at <see cref="Released"/>, reached Teams no later than <see cref="Done"/>.
    private sealed class Send(TimeSpan released)
    {
        public TimeSpan Released { get; } = released;

        public TimeSpan Done { get; set; } = TimeSpan.MaxValue;
    }

    private sealed class Lease(ConnectorRateLimiter limiter, Send send) : IDisposable
    {
        public void Dispose()
        {
            lock (limiter._gate)
            {
                if (send.Done == TimeSpan.MaxValue)
                {
                    send.Done = limiter.Now;
                }
            }
        }
    }
}
