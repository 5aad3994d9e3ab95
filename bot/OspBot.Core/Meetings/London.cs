using System.Globalization;

namespace OspBot.Meetings;

/// OSP's zone, for messages the secretariat reads.
internal static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string Format(DateTimeOffset instant) => Local(instant).ToString("ddd d MMM yyyy HH:mm", EnGb);
}
