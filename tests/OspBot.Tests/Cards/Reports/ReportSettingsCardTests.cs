using System.Text;
using OspBot.Cards.Reports;
using OspBot.Reports.Drafting;
using OspBot.Reports.Settings;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards.Reports;

/// The settings card is one part of the year's settings at a time, so each part stays under Teams' 28 KB.
public sealed class ReportSettingsCardTests
{
    // Room under Teams' 28 KB for the message or invoke envelope, as for the round cards.
    private const int MaxCardBytes = 26 * 1024;

    private static readonly (string Key, string Name)[] SubGroups =
        [("economic-development", "Economic Development"), ("stronger-communities", "Stronger Communities"),
         ("zero-carbon", "Zero Carbon Oxford Partnership"), ("safer-communities", "Safer Communities")];

    private static IReadOnlyList<ReportSettingField> Fields =>
        [.. ReportSettingFields.Fixed, .. SubGroups.SelectMany(g => ReportSettingFields.SubGroup(g.Key, g.Name))];

    public static TheoryData<string> Sections { get; } = [.. Enum.GetNames<SettingsSection>()];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Each_part_with_every_field_full_is_a_valid_card_within_teams_size_limit(string name)
    {
        var section = Enum.Parse<SettingsSection>(name);
        var full = Fields.Where(f => f.Section == section).Select(f => Field(f, f.Kind == SettingKind.MeetingDate ? "2025-07-14" : Repeat("Plain text. ", f.MaxLength)) with { Error = "Shorten it." }).ToList();

        var card = ReportSettingsCards.Settings(Model(section, full));

        AdaptiveCardSchema.AssertValid(card);
        var bytes = Encoding.UTF8.GetByteCount(card.ToJson());
        Assert.True(bytes <= MaxCardBytes, $"{section}: {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_sample_profile_shows_whole_in_each_part_with_a_save_button_and_the_other_parts(string name)
    {
        var section = Enum.Parse<SettingsSection>(name);
        var sample = ReportProfile.Sample();
        var fields = Fields.Where(f => f.Section == section).ToList();

        var json = ReportSettingsCards.Settings(Model(section, [.. fields.Select(f => Field(f, f.Show(sample)))])).ToJsonElement();

        AdaptiveCardSchema.AssertValid(json);
        var inputs = CardQueries.Descendants(json).Where(e => e.ValueKind == System.Text.Json.JsonValueKind.Object && e.TryGetProperty("id", out _)).ToList();
        Assert.Equal(fields.Select(f => f.Key), inputs.Select(i => i.GetProperty("id").GetString()));
        Assert.All(fields.Zip(inputs), p => Assert.Equal(p.First.Show(sample), p.Second.TryGetProperty("value", out var v) ? v.GetString() : ""));
        var raw = json.GetRawText();
        Assert.Contains(ReportVerbs.SaveSettings, raw, StringComparison.Ordinal);
        Assert.Equal(3, CardQueries.OfType(json, "Action.Execute").Count(a => a.GetProperty("verb").GetString() == ReportVerbs.Settings));
    }

    private static SettingsFieldModel Field(ReportSettingField f, string value)
    {
        var kind = f.Kind switch
        {
            SettingKind.Paragraphs => SettingsFieldKind.Paragraphs,
            SettingKind.MeetingDate => SettingsFieldKind.Date,
            _ => SettingsFieldKind.Line,
        };
        return new(f.Key, f.Label, kind, value, f.MaxLength) { Hint = f.Hint };
    }

    private static ReportSettingsCardModel Model(SettingsSection section, IReadOnlyList<SettingsFieldModel> fields) => new()
    {
        YearLabel = "2024/25",
        Section = section.ToString(),
        Sections = [.. Enum.GetValues<SettingsSection>().Select(s => new SettingsTab(s.ToString(), s.ToString()))],
        Fields = fields,
        BaseVersion = 3,
        Origin = "Version 3, saved by Lucy Cherry on 4 December 2026 at 21:00.",
        History = [.. Enumerable.Range(1, 5).Select(v => new SettingsHistoryLine(v, "Lucy Cherry", DateTimeOffset.UnixEpoch, ["Introduction", "Council meeting date"]))],
        Error = "Nothing was saved: 2 fields need a change (below). What you typed is kept.",
        EarliestMeetingDate = "2025-04-01",
    };

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
}
