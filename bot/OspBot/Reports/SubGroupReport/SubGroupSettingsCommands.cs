using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Model;
using OspBot.Cards.Reports;
using OspBot.Commands;
using OspBot.Common;
using OspBot.Members;
using OspBot.Reports.Drafting;
using OspBot.Reports.Settings;

namespace OspBot.Reports;

/// "sub-group settings Stronger Communities" and its card's buttons: the sub-group's standing settings (the text of
/// its own annual report, its partnership table and projects, who approves its part), seen by its chair, lead and
/// the secretariat, changed by its chair and the secretariat; a save that fails keeps what was typed.
internal sealed class SubGroupSettingsCommands(SubGroupSettings settings, TimeProvider clock)
{
    private const int HistoryShown = 5;

    internal static void Declare(CommandTableBuilder table) => table
        .Text<SubGroupSettingsCommands>("sub-group settings", "Set a sub-group's standing text, partnership table, projects and approver",
            Roles.Chair | Roles.Lead | Roles.Secretariat, r => r.ShowAsync, usage: "sub-group settings Stronger Communities",
            argument: ArgumentMode.Required, inMenu: false)
        .Card<SubGroupSettingsCommands>(ReportVerbs.SubGroupSettings, Roles.Chair | Roles.Lead | Roles.Secretariat, r => r.OpenAsync)
        .Card<SubGroupSettingsCommands>(ReportVerbs.SaveSubGroupSettings, Roles.Chair | Roles.Secretariat, r => r.SaveAsync);

    public async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (matches, all) = await settings.MatchAsync(request.Argument, ct);
        return matches.Count == 1
            ? BotReply.With(await CardAsync(new View(matches[0].Id, StandingFields.Parts[0].Key), ct))
            : BotReply.With(SubGroupReportCommands.WhichSubGroup(request.Argument.Trim(), all, "sub-group settings"));
    }

    public async Task<BotReply> OpenAsync(CommandRequest request, CancellationToken ct) =>
        GroupId(request) is { } groupId
            ? BotReply.With(await CardAsync(new View(groupId, Text(request, "section") ?? ""), ct))
            : BotReply.Invalid("This settings action is not recognised.");

    public async Task<BotReply> SaveAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (GroupId(request) is not { } groupId || !int.TryParse(Text(request, "baseVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var baseVersion))
        {
            return BotReply.Invalid("This settings action is not recognised.");
        }
        var section = Text(request, "section") ?? "";
        var typed = StandingFields.Of(section).Where(f => Text(request, f.Key) is not null).ToDictionary(f => f.Key, f => Text(request, f.Key)!);
        var view = new View(groupId, section) { Typed = typed };
        return await settings.SaveAsync(request.Caller.ToActor(), groupId, typed, baseVersion, ct) switch
        {
            StandingSave.Refused r => BotReply.With(PartCardMapper.Refused(r.Refusal)),
            StandingSave.Invalid i => BotReply.With(await CardAsync(view with
            {
                Errors = i.Errors,
                Error = "Nothing was saved: a field needs a change (below). What you typed is kept.",
            }, ct)),
            StandingSave.Stale s => BotReply.With(await CardAsync(view with
            {
                Error = $"{s.Current.Latest?.ChangedBy ?? "Someone"} saved version {s.Current.Version} while you were editing, so nothing was saved. "
                    + "Your text is below: save again to replace theirs, or open this part again to see theirs.",
            }, ct)),
            StandingSave.Unchanged => BotReply.With(await CardAsync(view with { Typed = null, Confirmation = "Nothing had changed, so nothing was saved." }, ct)),
            StandingSave.Saved saved => BotReply.With(await CardAsync(view with
            {
                Typed = null,
                Confirmation = $"Saved as version {saved.Current.Version}: {string.Join(", ", saved.Changed)}.",
            }, ct)),
            _ => throw new InvalidOperationException("Unknown save outcome."),
        };
    }

    private async Task<AdaptiveCard> CardAsync(View view, CancellationToken ct)
    {
        if (await settings.ForGroupAsync(view.GroupId, ct) is not { } current)
        {
            return Cards.Common.MessageCards.Message("That sub-group is not in the directory", "Type \"sub-group settings\" with the sub-group's name.");
        }
        var part = StandingFields.Parts.Any(p => p.Key == view.Part) ? view.Part : StandingFields.Parts[0].Key;
        return SubGroupSettingsCards.Settings(new SubGroupSettingsCardModel
        {
            GroupKey = view.GroupId.ToString(CultureInfo.InvariantCulture),
            GroupName = current.GroupName,
            Section = part,
            Sections = [.. StandingFields.Parts.Select(p => new SettingsTab(p.Key, p.Title))],
            Fields = [.. StandingFields.Of(part).Select(f => Field(f, current.Standing, view))],
            BaseVersion = current.Version,
            Origin = current.Latest is { } latest
                ? string.Create(CultureInfo.InvariantCulture, $"Version {current.Version}, saved by {latest.ChangedBy} on {London.Local(latest.ChangedAt):d MMMM yyyy 'at' H:mm}.")
                : "Not saved yet: the sub-group's own annual report leaves these parts empty until they are.",
            YearLabel = FinancialYears.Label(ReportYear.LastComplete(clock.GetUtcNow())),
            History = [.. (await settings.HistoryAsync(view.GroupId, HistoryShown, ct)).Select(h => new SettingsHistoryLine(h.Version, h.ChangedBy, h.ChangedAt, h.ChangedFields))],
            Confirmation = view.Confirmation,
            Error = view.Error,
        });
    }

    private static SettingsFieldModel Field(StandingField f, SubGroupStanding standing, View view) =>
        new(f.Key, f.Label, f.Multiline ? SettingsFieldKind.Paragraphs : SettingsFieldKind.Line,
            view.Typed is { } typed && typed.TryGetValue(f.Key, out var t) ? t : f.Show(standing), f.MaxLength)
        {
            Hint = f.Hint,
            Error = view.Errors.FirstOrDefault(e => e.Key == f.Key)?.Message,
            Choices = f.Key == StandingFields.Approver ? [("The chair", "chair"), ("The lead", "lead")] : null,
        };

    private static int? GroupId(CommandRequest request) =>
        int.TryParse(Text(request, "group"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Text(CommandRequest request, string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    /// What the card shows: a part, with what was typed (when a save failed) laid over what is saved.
    private sealed record View(int GroupId, string Part)
    {
        public IReadOnlyDictionary<string, string>? Typed { get; init; }
        public IReadOnlyList<SettingError> Errors { get; init; } = [];
        public string? Confirmation { get; init; }
        public string? Error { get; init; }
    }
}
