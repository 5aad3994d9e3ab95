using System.Globalization;
using Microsoft.Graph.Models;

namespace OspBot.Graph;

/// Graph's dateTimeTimeZone in our zone: we send local wall-clock time with the zone's name, so Exchange
/// applies the zone's own rules (10:00 stays 10:00 whether the date falls in BST or GMT).
internal sealed class GraphTime(string zoneId)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

    /// Asks Graph to express the times it returns in our zone.
    public string PreferHeader => $"outlook.timezone=\"{zoneId}\"";

    public DateTimeTimeZone ToGraph(DateTimeOffset instant) => new()
    {
        DateTime = TimeZoneInfo.ConvertTime(instant, _zone).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = zoneId,
    };

    /// Reads a Graph time in whatever zone Graph chose (our preferred one, UTC, or a Windows zone name).
    public static DateTimeOffset? FromGraph(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }
        if (parsed.Kind == DateTimeKind.Utc)
        {
            return new DateTimeOffset(parsed, TimeSpan.Zero);
        }

        var local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        var zone = value.TimeZone is { Length: > 0 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found)
            ? found
            : TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
