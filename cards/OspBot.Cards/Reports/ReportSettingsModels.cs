namespace OspBot.Cards.Reports;

/// One part of the year's report settings on its own card: the fields of that part with what is saved (or what was
/// typed, when a save failed), where the settings come from, and the recent versions.
internal sealed record ReportSettingsCardModel
{
    /// "2024/25", also what the buttons send back as "year".
    public required string YearLabel { get; init; }

    public required string Section { get; init; }

    public required IReadOnlyList<SettingsTab> Sections { get; init; }

    public required IReadOnlyList<SettingsFieldModel> Fields { get; init; }

    /// The version the card shows (0: not saved for this year yet); a save from an older card is refused.
    public required int BaseVersion { get; init; }

    /// Where the settings come from: "Version 3, saved by …" or "Not saved for 2024/25 yet: …".
    public required string Origin { get; init; }

    public IReadOnlyList<SettingsHistoryLine> History { get; init; } = [];

    public string? Confirmation { get; init; }

    /// A problem with the whole save (someone saved meanwhile, or some fields are wrong), above the fields.
    public string? Error { get; init; }

    /// The earliest Council meeting date the picker offers (yyyy-MM-dd).
    public string? EarliestMeetingDate { get; init; }
}

internal sealed record SettingsTab(string Key, string Title);

internal enum SettingsFieldKind
{
    Line,
    Paragraphs,
    Date,
}

/// A field as the card shows it; <see cref="Error"/> is shown under it.
internal sealed record SettingsFieldModel(string Key, string Label, SettingsFieldKind Kind, string Value, int MaxLength)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    /// When set, the field is picked from these (title, value) rather than typed.
    public IReadOnlyList<(string Title, string Value)>? Choices { get; init; }
}

internal sealed record SettingsHistoryLine(int Version, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Changed);
