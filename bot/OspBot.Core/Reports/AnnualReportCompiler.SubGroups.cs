using OspBot.Reports.Drafting;

namespace OspBot.Reports;

internal static partial class AnnualReportCompiler
{
    /// A part per sub-group as the July 2024 report writes it: a paragraph on its year, the lead's own prose, then
    /// "Delivery in 2024/25 included:" with the year's achievements under the lead's themes, then what it found
    /// hard and what it asked of the OSP. How many updates came in, and which did not, is a note for the officer.
    private static void Activity(
        ReportBuilder b, List<SubGroupYear> groups, IReadOnlyList<MissingUpdate> missing, AnnualReportInput input, IReadOnlyDictionary<string, SignedPart>? parts)
    {
        var year = input.YearLabel;
        b.Section("Activity and achievements over last 12 months", comment: Coverage(groups, missing, year) + NotApproved(parts));
        if (groups.Count == 0)
        {
            b.Numbered($"No sub-groups were recorded for {year}.");
        }
        foreach (var g in groups)
        {
            var part = parts?.GetValueOrDefault(g.Name);
            b.Section(g.Name, level: 2, comment: part?.Note);
            if (part is { UseText: true })
            {
                PartSections.Write(b, part.Sections.Summary);
                PartSections.Write(b, part.Sections.Delivery);
                Listed(b, "The sub-group reported these challenges during the year:", part.Sections.Challenges);
                Listed(b, "The sub-group asked the OSP for the following support:", part.Sections.Requests);
                continue;
            }
            b.Numbered(g.Summary.Text, g.Summary.Source.Comment());
            Drafted(b, g.Achievements, $"Delivery in {year} included:", $"Delivery in {year} also included:");
            b.List("The sub-group reported these challenges during the year:", Bullets(g.Challenges), "");
            b.List("The sub-group asked the OSP for the following support:", Bullets(g.Requests), "");
        }
    }

    /// Forward Planning: the steering group's own topics, then each sub-group's plans from every quarter of the
    /// year, less those a later update marked done or dropped.
    private static void ForwardPlanning(ReportBuilder b, List<SubGroupYear> groups, ReportProfile profile, IReadOnlyDictionary<string, SignedPart>? parts)
    {
        b.Section("Forward Planning").Numbered(profile.ForwardPlanningIntro, keepWithNext: profile.ForwardPlanning.Count > 0).Bullets(profile.ForwardPlanning);
        foreach (var g in groups)
        {
            if (parts?.GetValueOrDefault(g.Name) is { UseText: true } part)
            {
                if (part.Sections.Priorities.Trim().Length > 0)
                {
                    PartSections.Write(b.Section(g.Name, level: 2, comment: part.Note), part.Sections.Priorities);
                }
                continue;
            }
            if (g.Plans.IsEmpty)
            {
                continue;
            }
            b.Section(g.Name, level: 2);
            Drafted(b, g.Plans, "The sub-group's priorities for the year ahead include:", "Its priorities for the year ahead also include:");
        }
    }

    internal static void Drafted(ReportBuilder b, DraftedSection section, string listLeadIn, string listLeadInAfterProse)
    {
        foreach (var p in section.Paragraphs)
        {
            b.Numbered(p.Paragraph.Text, p.Paragraph.Source.Comment(), keepWithNext: p.Items.Count > 0).Bullets(Bullets(p.Items));
        }
        if (!section.HasList)
        {
            return;
        }
        b.Numbered(section.Paragraphs.Count > 0 ? listLeadInAfterProse : listLeadIn, keepWithNext: true).Bullets(Bullets(section.Items));
        IReadOnlyList<string> printed = [];
        foreach (var theme in section.Themes)
        {
            for (var depth = 0; depth < theme.Path.Count; depth++)
            {
                if (depth >= printed.Count || !string.Equals(printed[depth], theme.Path[depth], StringComparison.OrdinalIgnoreCase))
                {
                    b.ListHeading($"{theme.Path[depth]}:", depth, theme.Source.Comment());
                    printed = [.. printed.Take(depth), theme.Path[depth]];
                }
            }
            printed = theme.Path;
            b.Bullets(Bullets(theme.Items));
        }
    }

    /// A signed-off list section: its lead-in only when the chair left anything in it.
    private static void Listed(ReportBuilder b, string leadIn, string text)
    {
        if (text.Trim().Length > 0)
        {
            PartSections.Write(b.Numbered(leadIn, keepWithNext: true), text);
        }
    }

    /// " Parts not yet approved by their sub-group: Safer Communities, Stronger Communities."
    private static string NotApproved(IReadOnlyDictionary<string, SignedPart>? parts)
    {
        var waiting = parts?.Where(p => !p.Value.Approved).Select(p => p.Key).Order(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        return waiting.Count == 0 ? "" : $" Parts not yet approved by their sub-group: {string.Join(", ", waiting)}.";
    }

    private static List<ReportBullet> Bullets(IEnumerable<DraftedItem> items) => [.. items.Select(i => new ReportBullet(i.Text, i.Source.Comment()))];

    /// "Compiled from 14 quarterly updates from 4 sub-groups for 2024/25. Not received when compiled: Stronger
    /// Communities (Q3, Q4)."
    private static string Coverage(List<SubGroupYear> groups, IReadOnlyList<MissingUpdate> missing, string year)
    {
        var received = groups.Sum(g => g.UpdateCount);
        var from = groups.Count(g => g.UpdateCount > 0);
        var summary = $"Compiled from {Count(received, "quarterly update")} from {Count(from, "sub-group")} for {year}.";
        if (missing.Count == 0)
        {
            return received == 0 ? summary : $"{summary} Every expected update was received.";
        }
        var names = missing.GroupBy(m => m.SubGroup).Select(m => $"{m.Key} ({string.Join(", ", m.Select(x => $"Q{x.Quarter}"))})");
        return $"{summary} Not received when compiled: {string.Join("; ", names)}.";
    }
}
