using OspBot.Reports.Drafting;

namespace OspBot.Reports.Settings;

/// The parts of the settings card, each small enough for one Teams card (about 28 KB) even with every field full.
internal enum SettingsSection
{
    Cover,
    Opening,
    Closing,
    SubGroups,
}

/// What a field holds, which decides how its text is read and checked.
internal enum SettingKind
{
    /// One line of text.
    Line,

    /// Paragraphs (or list items), one a line; blank lines are ignored.
    Paragraphs,

    /// A date, typed or picked as yyyy-MM-dd; blank for "To be confirmed".
    MeetingDate,

    /// An amount in pounds ("£8,320", "8320.50"); blank for none.
    Money,
}

/// One editable field of the year's report settings: how it is shown as text and how typed text sets it. The card,
/// the validation and the version history all read this one table (<see cref="ReportSettingFields"/>).
internal sealed record ReportSettingField(
    string Key,
    string Label,
    SettingsSection Section,
    SettingKind Kind,
    int MaxLength,
    Func<ReportProfile, string> Show,
    Func<ReportProfile, string, ReportProfile> Apply,
    string? Hint = null)
{
    public static ReportSettingField Line(string key, string label, SettingsSection section, int max,
        Func<ReportProfile, string> get, Func<ReportProfile, string, ReportProfile> set, string? hint = null) =>
        new(key, label, section, SettingKind.Line, max, get, (p, text) => set(p, SettingText.OneLine(text)), hint);

    public static ReportSettingField Paragraphs(string key, string label, SettingsSection section, int max,
        Func<ReportProfile, IReadOnlyList<string>> get, Func<ReportProfile, IReadOnlyList<string>, ReportProfile> set, string? hint = null) =>
        new(key, label, section, SettingKind.Paragraphs, max, p => SettingText.Join(get(p)), (p, text) => set(p, SettingText.Split(text)), hint);
}
