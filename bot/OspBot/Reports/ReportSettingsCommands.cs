using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Reports;
using OspBot.Commands;
using OspBot.Common;
using OspBot.Members;
using OspBot.Reports.Drafting;
using OspBot.Reports.Settings;

namespace OspBot.Reports;

/// "report settings [2024/25]" and the settings card's buttons: the secretariat sees and changes one part of the
/// year's report settings at a time; a save that fails keeps everything typed on the card with the reasons.
internal sealed class ReportSettingsCommands(ReportSettings settings, TimeProvider clock)
{
    private const int HistoryShown = 5;

    internal static void Declare(CommandTableBuilder table) => table
        .Text<ReportSettingsCommands>("report settings", "Set the annual report's cover, fixed text and sub-group descriptions for a year",
            // Teams' menu is full; the compile card's "Report settings" button leads here too.
            Roles.Secretariat, r => r.ShowAsync, usage: "report settings 2024/25", argument: ArgumentMode.Optional, inMenu: false)
        .Card<ReportSettingsCommands>(ReportVerbs.Settings, Roles.Secretariat, r => r.OpenAsync)
        .Card<ReportSettingsCommands>(ReportVerbs.SaveSettings, Roles.Secretariat, r => r.SaveAsync);

    public async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Argument.Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(request.Argument);
        return year is { } y
            ? BotReply.With(await SettingsCardAsync(new SettingsView(y, SettingsSection.Cover), ct))
            : BotReply.With(ReportCards.BadYear(request.Argument, "report settings"));
    }

    public async Task<BotReply> OpenAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new SettingsInput(request.Data);
        return input.Year(clock) is { } year
            ? BotReply.With(await SettingsCardAsync(new SettingsView(year, input.Section), ct))
            : BotReply.Invalid("This report settings action is not recognised.");
    }

    public async Task<BotReply> SaveAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new SettingsInput(request.Data);
        if (input.Year(clock) is not { } year || input.BaseVersion is not { } baseVersion)
        {
            return BotReply.Invalid("This report settings action is not recognised.");
        }

        var fields = (await settings.FieldsAsync(ct)).Where(f => f.Section == input.Section).ToList();
        var typed = fields.Where(f => input.Text(f.Key) is not null).ToDictionary(f => f.Key, f => input.Text(f.Key)!);
        var view = new SettingsView(year, input.Section) { Typed = typed };
        var card = await settings.SaveAsync(request.Caller.ToActor(), year, typed, baseVersion, ct) switch
        {
            SettingsSave.Invalid i => await SettingsCardAsync(view with
            {
                Errors = i.Errors,
                Error = $"Nothing was saved: {(i.Errors.Count == 1 ? "one field needs" : $"{i.Errors.Count} fields need")} a change (below). What you typed is kept.",
            }, ct),
            SettingsSave.Stale s => await SettingsCardAsync(view with
            {
                Error = $"{s.Current.Latest?.ChangedBy ?? "Someone"} saved version {s.Current.Version} while you were editing, so nothing was saved. "
                    + "Your text is below: save again to replace theirs, or open this part again to see theirs.",
            }, ct),
            SettingsSave.Unchanged => await SettingsCardAsync(view with { Typed = null, Confirmation = "Nothing had changed, so nothing was saved." }, ct),
            SettingsSave.Saved saved => await SettingsCardAsync(view with
            {
                Typed = null,
                Confirmation = $"Saved as version {saved.Current.Version}: {string.Join(", ", saved.Changed)}. The next compilation uses it.",
            }, ct),
            _ => ReportSettingsCards.NotAllowed(),
        };
        return BotReply.With(card);
    }

    private async Task<Cards.Model.AdaptiveCard> SettingsCardAsync(SettingsView view, CancellationToken ct)
    {
        var current = await settings.ForYearAsync(view.Year, ct);
        var fields = (await settings.FieldsAsync(ct)).Where(f => f.Section == view.Section);
        return ReportSettingsCards.Settings(new ReportSettingsCardModel
        {
            YearLabel = FinancialYears.Label(view.Year),
            Section = SettingsInput.Key(view.Section),
            Sections = [.. Enum.GetValues<SettingsSection>().Select(s => new SettingsTab(SettingsInput.Key(s), Title(s)))],
            Fields = [.. fields.Select(f => Field(f, current.Profile, view))],
            BaseVersion = current.Version,
            Origin = Origin(current),
            History = [.. (await settings.HistoryAsync(view.Year, HistoryShown, ct)).Select(h => new SettingsHistoryLine(h.Version, h.ChangedBy, h.ChangedAt, h.ChangedFields))],
            Confirmation = view.Confirmation,
            Error = view.Error,
            EarliestMeetingDate = FinancialYears.YearEnd(view.Year).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    private static SettingsFieldModel Field(ReportSettingField f, ReportProfile profile, SettingsView view)
    {
        var kind = f.Kind switch
        {
            SettingKind.Paragraphs => SettingsFieldKind.Paragraphs,
            SettingKind.MeetingDate => SettingsFieldKind.Date,
            _ => SettingsFieldKind.Line,
        };
        var value = view.Typed is { } typed && typed.TryGetValue(f.Key, out var t) ? t : f.Show(profile);
        return new SettingsFieldModel(f.Key, f.Label, kind, value, f.MaxLength)
        {
            Hint = f.Hint,
            Error = view.Errors.FirstOrDefault(e => e.Key == f.Key)?.Message,
        };
    }

    private static string Origin(YearSettings s) => s.Origin switch
    {
        SettingsOrigin.Saved when s.Latest is { } latest => string.Create(CultureInfo.InvariantCulture,
            $"Version {s.Version}, saved by {latest.ChangedBy} on {London.Local(latest.ChangedAt):d MMMM yyyy 'at' H:mm}. The next compilation uses these."),
        SettingsOrigin.CarriedForward => $"Not saved for {FinancialYears.Label(s.Year)} yet: these are {FinancialYears.Label(s.FromYear ?? s.Year - 1)}'s "
            + "settings, without its Council meeting date and notes on the year. Compiling uses them as shown; saving makes them this year's.",
        _ => $"Not saved for {FinancialYears.Label(s.Year)} yet: these come from the first year's report profile. Compiling uses them as shown; "
            + "saving keeps them in OspBot.",
    };

    private static string Title(SettingsSection section) => section switch
    {
        SettingsSection.Cover => "Cover",
        SettingsSection.Opening => "Introduction and aims",
        SettingsSection.Closing => "Implications and conclusion",
        _ => "Sub-groups",
    };

    /// What the card shows: a year's part, with what was typed (when a save failed) laid over what is saved.
    private sealed record SettingsView(int Year, SettingsSection Section)
    {
        public IReadOnlyDictionary<string, string>? Typed { get; init; }
        public IReadOnlyList<SettingError> Errors { get; init; } = [];
        public string? Confirmation { get; init; }
        public string? Error { get; init; }
    }

    /// The settings card's data and inputs.
    private sealed class SettingsInput(JsonElement? data)
    {
        public SettingsSection Section =>
            Text("section") is { } s && Enum.TryParse<SettingsSection>(s, ignoreCase: true, out var section) && Enum.IsDefined(section)
                ? section
                : SettingsSection.Cover;

        public int? BaseVersion =>
            int.TryParse(Text("baseVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        public int? Year(TimeProvider clock) =>
            Text("year") is { Length: > 0 } typed ? ReportYear.Parse(typed) : ReportYear.LastComplete(clock.GetUtcNow());

        /// An input as typed (null when the card did not send it).
        public string? Text(string key) =>
            data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static string Key(SettingsSection section) => section.ToString();
    }
}
