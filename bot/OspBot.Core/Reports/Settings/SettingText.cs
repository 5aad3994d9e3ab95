using System.Globalization;

namespace OspBot.Reports.Settings;

/// How settings are typed on a card and read back: paragraphs one a line (shown with a blank line between, which
/// reads better and splits the same), a date as yyyy-MM-dd, money in pounds.
internal static class SettingText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Join(IReadOnlyList<string> paragraphs) => string.Join("\n\n", paragraphs);

    public static IReadOnlyList<string> Split(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(OneLine).Where(p => p.Length > 0)];

    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParse(text.Trim(), EnGb, DateTimeStyles.None, out d))
        {
            date = d;
            return true;
        }
        return false;
    }

    public static string Money(decimal? amount) => amount?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "";

    /// "£8,320", "8320", "8,320.50" and blank (no budget yet); not negative, not fractions of a penny.
    public static bool TryMoney(string text, out decimal? amount)
    {
        amount = null;
        var plain = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (plain.Length == 0)
        {
            return text.Trim().Length == 0;
        }
        if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value < 100_000_000m && decimal.Round(value, 2) == value)
        {
            amount = value;
            return true;
        }
        return false;
    }
}
