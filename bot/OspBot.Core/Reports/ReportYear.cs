using System.Globalization;
using System.Text.RegularExpressions;

namespace OspBot.Reports;

/// Reads the financial year a person typed ("2024/25", "2024-25", "2024/2025", "2024"), or picks the last complete one.
internal static partial class ReportYear
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// The last financial year (April to March) that has ended, by the date in London.
    public static int LastComplete(DateTimeOffset now)
    {
        var today = TimeZoneInfo.ConvertTime(now, London);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        return current - 1;
    }

    /// The year's start, or null when <paramref name="text"/> is not a financial year.
    public static int? Parse(string text)
    {
        var m = YearPattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var start = int.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture);
        if (start is < 2000 or > 2099)
        {
            return null;
        }

        if (m.Groups["end"] is { Success: true, Value: var end })
        {
            var expected = end.Length == 2 ? (start + 1) % 100 : start + 1;
            if (int.Parse(end, CultureInfo.InvariantCulture) != expected)
            {
                return null;
            }
        }

        return start;
    }

    [GeneratedRegex(@"^(?:fy\s*)?(?<start>\d{4})(?:\s*[/\-–]\s*(?<end>\d{2}|\d{4}))?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex YearPattern();
}
