using System.Diagnostics;

namespace OspBot.Tests.Production.Hardening;

/// A clock that runs <c>factor</c> times faster than real time, timers included (Polly's backoff, the connector's
/// rate limiter): a minute-long outage and its retries play out in a second, in the same order as in production.
/// <see cref="Advance"/> jumps ahead (for the dispatcher's due times); running timers keep their real deadlines.
public sealed class ScaledClock(DateTimeOffset start, double factor) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _jumpTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_origin) * factor + TimeSpan.FromTicks(Interlocked.Read(ref _jumpTicks));

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public void Advance(TimeSpan by) => Interlocked.Add(ref _jumpTicks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Scaled(System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;

    private sealed class Scaled(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
