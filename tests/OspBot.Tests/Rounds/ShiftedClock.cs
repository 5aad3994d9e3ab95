namespace OspBot.Tests.Rounds;

/// A clock that runs at real speed from a chosen start, so connector rate windows still pass.
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}

/// A Teams user in the tests: their ids and personal chat with the bot.
public sealed record TeamsUser(string Aad, string Mri, string ConversationId);
