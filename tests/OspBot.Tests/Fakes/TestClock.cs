namespace OspBot.Tests.Fakes;

/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not obtainable here).
/// Timers are not faked: code under test that waits should take its delays from options.
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
