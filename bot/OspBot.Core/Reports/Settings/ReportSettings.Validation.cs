using System.Globalization;
using OspBot.Reports.Drafting;

namespace OspBot.Reports.Settings;

internal sealed partial class ReportSettings
{
    /// The Council meeting that receives a year's report comes after the year ends, and not years later.
    private const int LatestMeetingYearsAfter = 2;

    public static SettingError? Validate(ReportSettingField field, string text, int year)
    {
        var length = text.Trim().Length;
        if (length > field.MaxLength)
        {
            return new(field.Key, string.Create(CultureInfo.InvariantCulture,
                $"{field.Label} is {length:N0} characters long; it can be at most {field.MaxLength:N0}. Shorten it and save again."));
        }

        return field.Kind switch
        {
            SettingKind.MeetingDate => ValidateMeetingDate(field, text, year),
            SettingKind.Money when !SettingText.TryMoney(text, out _) =>
                new(field.Key, $"{field.Label}: write an amount in pounds, e.g. £8,320 or 8320.50 (not {Quoted(text)})."),
            _ => null,
        };
    }

    private static SettingError? ValidateMeetingDate(ReportSettingField field, string text, int year)
    {
        if (!SettingText.TryDate(text, out var date))
        {
            return new(field.Key, $"{field.Label}: write a date, e.g. 2025-07-14 (not {Quoted(text)}).");
        }

        var yearEnd = FinancialYears.YearEnd(year);
        if (date is { } d && d <= yearEnd)
        {
            return new(field.Key, $"{field.Label}: the Council meeting that receives the {FinancialYears.Label(year)} report must come "
                + $"after the year ends on {FinancialYears.Date(yearEnd)}; {FinancialYears.Date(d)} is not.");
        }

        var latest = yearEnd.AddYears(LatestMeetingYearsAfter);
        return date is { } late && late > latest
            ? new(field.Key, $"{field.Label}: {FinancialYears.Date(late)} is more than two years after the {FinancialYears.Label(year)} year ends; check the year.")
            : null;
    }

    private static string Quoted(string text) => "\"" + (text.Length > 40 ? text[..40] + "…" : text.Trim()) + "\"";
}
