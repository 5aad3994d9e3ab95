using OspBot.Reports.Drafting;

namespace OspBot.Reports.Settings;

/// Every field of the year's report settings, in the card's order. The limits keep each section's card under
/// Teams' size limit with every field full, and the report's cover table readable.
internal static class ReportSettingFields
{
    private const SettingsSection Cover = SettingsSection.Cover;
    private const SettingsSection Opening = SettingsSection.Opening;
    private const SettingsSection Closing = SettingsSection.Closing;

    public static IReadOnlyList<ReportSettingField> Fixed { get; } =
    [
        new("councilMeetingDate", "Council meeting date", Cover, SettingKind.MeetingDate, 10,
            p => SettingText.Date(p.Cover.CouncilMeetingDate),
            (p, text) => p with { Cover = p.Cover with { CouncilMeetingDate = SettingText.TryDate(text, out var d) ? d : null } },
            "The meeting that receives the report; blank prints \"To be confirmed\"."),
        ReportSettingField.Line("reportOf", "Report of", Cover, 200, p => p.Cover.ReportOf, (p, t) => p with { Cover = p.Cover with { ReportOf = t } }),
        ReportSettingField.Line("cabinetMemberName", "Cabinet member (name)", Cover, 200,
            p => p.Cover.CabinetMemberName, (p, t) => p with { Cover = p.Cover with { CabinetMemberName = t } }, "e.g. Councillor Susan Brown"),
        ReportSettingField.Line("cabinetMember", "Cabinet member (portfolio)", Cover, 300,
            p => p.Cover.CabinetMember, (p, t) => p with { Cover = p.Cover with { CabinetMember = t } }),
        ReportSettingField.Line("purpose", "Purpose of report", Cover, 500, p => p.Cover.Purpose, (p, t) => p with { Cover = p.Cover with { Purpose = t } }),
        ReportSettingField.Line("corporatePriority", "Corporate priority", Cover, 300,
            p => p.Cover.CorporatePriority, (p, t) => p with { Cover = p.Cover with { CorporatePriority = t } }),
        ReportSettingField.Line("policyFramework", "Policy framework", Cover, 300,
            p => p.Cover.PolicyFramework, (p, t) => p with { Cover = p.Cover with { PolicyFramework = t } }),
        ReportSettingField.Paragraphs("recommendations", "Recommendations (one a line)", Cover, 2000,
            p => p.Cover.Recommendations, (p, t) => p with { Cover = p.Cover with { Recommendations = t } }),

        ReportSettingField.Paragraphs("introduction", "Introduction", Opening, 5000, p => p.Introduction, (p, t) => p with { Introduction = t }),
        ReportSettingField.Paragraphs("vision", "Vision", Opening, 2000, p => p.Vision, (p, t) => p with { Vision = t }),
        ReportSettingField.Line("aimsIntro", "Aims: lead-in", Opening, 300, p => p.AimsIntro, (p, t) => p with { AimsIntro = t }),
        ReportSettingField.Paragraphs("aims", "Aims (one a line)", Opening, 2000, p => p.Aims, (p, t) => p with { Aims = t }),
        ReportSettingField.Paragraphs("steeringGroup", "Steering group", Opening, 3000, p => p.SteeringGroup, (p, t) => p with { SteeringGroup = t }),

        ReportSettingField.Paragraphs("financial", "Financial implications", Closing, 3000, p => p.Financial, (p, t) => p with { Financial = t },
            "{budget} and {budgetYear} in the text become the budget and its year."),
        new("budget", "Budget (£)", Closing, SettingKind.Money, 20,
            p => SettingText.Money(p.Budget), (p, text) => p with { Budget = SettingText.TryMoney(text, out var m) ? m : null }, "e.g. £8,320"),
        ReportSettingField.Line("budgetYear", "Budget year", Closing, 20, p => p.BudgetYear, (p, t) => p with { BudgetYear = t }, "e.g. 2025/26"),
        ReportSettingField.Paragraphs("legal", "Legal issues", Closing, 2000, p => p.Legal, (p, t) => p with { Legal = t }),
        ReportSettingField.Paragraphs("risk", "Risk", Closing, 2000, p => p.Risk, (p, t) => p with { Risk = t }),
        ReportSettingField.Paragraphs("equalities", "Equalities impact", Closing, 2000, p => p.Equalities, (p, t) => p with { Equalities = t }),
        ReportSettingField.Paragraphs("conclusion", "Conclusion", Closing, 3000, p => p.Conclusion, (p, t) => p with { Conclusion = t }),
    ];

    /// A sub-group's standing description and the secretariat's note on its year; keyed by the directory's group key.
    public static IEnumerable<ReportSettingField> SubGroup(string groupKey, string name)
    {
        yield return ReportSettingField.Paragraphs($"description.{groupKey}", $"{name}: description", SettingsSection.SubGroups, 3000,
            p => Standing(p, name)?.Description ?? [], (p, t) => WithSubGroup(p, name, s => s with { Description = t }));
        yield return ReportSettingField.Line($"note.{groupKey}", $"{name}: note on the year", SettingsSection.SubGroups, 1000,
            p => Standing(p, name)?.Note ?? "", (p, t) => WithSubGroup(p, name, s => s with { Note = t.Length == 0 ? null : t }),
            "Optional, e.g. why the sub-group did not report.");
    }

    private static SubGroupProfile? Standing(ReportProfile profile, string name) =>
        profile.SubGroups.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ReportProfile WithSubGroup(ReportProfile profile, string name, Func<SubGroupProfile, SubGroupProfile> change) =>
        Standing(profile, name) is { } existing
            ? profile with { SubGroups = [.. profile.SubGroups.Select(s => ReferenceEquals(s, existing) ? change(s) : s)] }
            : profile with { SubGroups = [.. profile.SubGroups, change(new SubGroupProfile(name, []))] };
}
