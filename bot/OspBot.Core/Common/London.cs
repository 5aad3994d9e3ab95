using System.Globalization;

namespace OspBot.Common;

/// Europe/London, where the OSP works: "9am, 21 days before the meeting" is London wall-clock time, so dates are
/// worked out as local dates and times first and only then turned into instants (which keeps 09:00 at 09:00 on
/// both sides of a BST/GMT change); and times in messages the secretariat reads are London times.
internal static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// The London calendar date of an instant.
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    public static string Format(DateTimeOffset instant) => Local(instant).ToString("ddd d MMM yyyy HH:mm", EnGb);

    /// London wall-clock time to UTC. In the spring gap (01:00-02:00 does not exist) the clock is moved forward an
    /// hour; in the autumn overlap the earlier (BST) instant is taken.
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
