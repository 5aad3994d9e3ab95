namespace OspBot.Teams.Connector;

internal sealed partial class ConnectorRateLimiter
{
    /// The sends of one conversation (or of the app), in release order. Accessed under the limiter's lock.
    private sealed class SendLog(IReadOnlyList<RateWindow> windows, TimeSpan margin)
    {
        private readonly List<Send> _sends = [];
        private readonly List<TimeSpan> _scratch = [];
        private readonly TimeSpan _longest = windows.Max(w => w.Window) + margin;

        /// Set from a 429's Retry-After: no send before this, whatever the windows say.
        public TimeSpan NotBefore { get; set; } = TimeSpan.Zero;

        /// When a new send may go, MaxValue while a send in flight blocks it. A window of N permits is full while N
        /// sends may have arrived less than the window ago; it frees when enough of them are surely older.
        public TimeSpan NextAllowed(TimeSpan now)
        {
            var allowedAt = NotBefore > now ? NotBefore : now;
            foreach (var w in windows)
            {
                var span = w.Window + margin;
                _scratch.Clear();
                foreach (var send in _sends)
                {
                    if (send.Done > now - span)
                    {
                        _scratch.Add(send.Done);
                    }
                }

                if (_scratch.Count >= w.Permits)
                {
                    _scratch.Sort();
                    var blocker = _scratch[_scratch.Count - w.Permits];
                    var freedAt = blocker == TimeSpan.MaxValue ? TimeSpan.MaxValue : blocker + span;
                    allowedAt = freedAt > allowedAt ? freedAt : allowedAt;
                }
            }

            return allowedAt;
        }

        public void Add(Send send, TimeSpan now)
        {
            _sends.Add(send);

            // Sends that ended longer ago than the longest window no longer count; trim from the old end.
            var stale = 0;
            while (stale < _sends.Count && _sends[stale].Done < now - _longest)
            {
                stale++;
            }

            if (stale > 64 || stale == _sends.Count - 1)
            {
                _sends.RemoveRange(0, stale);
            }
        }

        public bool IsIdle(TimeSpan now) => NotBefore < now && _sends.TrueForAll(s => s.Done < now - _longest);
    }
}
