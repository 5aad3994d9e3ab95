using System.Diagnostics;

namespace OspBot.Tests.Fakes;

/// A clock that runs on its own, <c>factor</c> times faster than real time (1: real speed from a chosen start),
/// timers included (Polly's backoff, the connector's rate limiter): a minute-long outage and its retries play out in
/// a second, in the same order as in production. <see cref="Advance"/> jumps ahead (for the dispatcher's due times);
/// running timers keep their real deadlines. Every other test uses FakeTimeProvider; this stays because there time
/// and timers move only when the test calls Advance, and these tests drive a running app whose retries and rate
/// windows must pass by themselves while the test awaits what the app does.
public sealed class ScaledClock(DateTimeOffset start, double factor) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _jumpTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_origin) * factor + TimeSpan.FromTicks(Interlocked.Read(ref _jumpTicks));

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

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
