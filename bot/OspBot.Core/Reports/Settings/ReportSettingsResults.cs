using OspBot.Reports.Drafting;

namespace OspBot.Reports.Settings;

/// Where a year's settings come from: saved for the year, carried forward from an earlier year's, or the seed
/// (Reports:ProfileFile, else the shipped sample) when no year has been saved yet.
internal enum SettingsOrigin
{
    Saved,
    CarriedForward,
    Seed,
}

/// A year's report settings as the next compilation will use them. <see cref="Version"/> is 0 until someone saves
/// this year's; <see cref="FromYear"/> is the year they were carried forward from.
internal sealed record YearSettings(int Year, ReportProfile Profile, int Version, SettingsOrigin Origin, int? FromYear = null)
{
    public SettingsVersionInfo? Latest { get; init; }
}

/// One saved version: who saved it, when, and the labels of the fields it changed.
internal sealed record SettingsVersionInfo(int Version, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> ChangedFields);

/// A field the secretariat typed that cannot be saved, and why (shown under that field).
internal sealed record SettingError(string Key, string Message);

/// The outcome of saving typed settings.
internal abstract record SettingsSave
{
    private SettingsSave()
    {
    }

    public sealed record Refused : SettingsSave;

    /// Nothing saved: the typed text stays on the card with these errors.
    public sealed record Invalid(IReadOnlyList<SettingError> Errors) : SettingsSave;

    /// Someone saved a newer version since the card was drawn; nothing saved, the typed text stays on the card.
    public sealed record Stale(YearSettings Current) : SettingsSave;

    public sealed record Unchanged(YearSettings Current) : SettingsSave;

    public sealed record Saved(YearSettings Current, IReadOnlyList<string> Changed) : SettingsSave;
}
