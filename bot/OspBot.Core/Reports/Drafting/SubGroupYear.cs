using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Reports.Drafting;

/// One sub-group's year, drafted: the opening paragraph, its achievements and plans as the report gives them,
/// and its challenges and requests for OSP support, each piece once and with its sources.
internal sealed record SubGroupYear(
    SubGroupInput Input,
    string Name,
    int UpdateCount,
    DraftedItem Summary,
    DraftedSection Achievements,
    DraftedSection Plans,
    IReadOnlyList<DraftedItem> Challenges,
    IReadOnlyList<DraftedItem> Requests)
{
    public static SubGroupYear Draft(SubGroupInput group, int year, IReadOnlyList<int> missing, SubGroupProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = PastedText.Clean(group.Name);
        // One update per quarter: the latest submitted, should a quarter have had two.
        var updates = group.Updates.Where(u => u.Quarter is >= 1 and <= 4)
            .GroupBy(u => u.Quarter).Select(q => q.OrderBy(u => u.SubmittedAt).Last())
            .OrderBy(u => u.Quarter)
            .Select(u => (Update: u, Source: new SourceNote(name, year, u.Quarter, u.SubmittedBy, u.ApprovedBy, u.Version)))
            .ToList();
        List<QuarterText> Of(Func<QuarterlyUpdate, string> section) => [.. updates.Select(u => new QuarterText(u.Source, section(u.Update)))];

        var (summary, quoted) = YearSummary.Write(name, group.FirstQuarter, updates, missing, FinancialYears.Label(year), profile?.Note);
        // A plan is closed by the lead's mark on the next update's card, or by a later update reporting it done
        // (marks only reach back one quarter, so a plan left "in progress" is otherwise never closed).
        var closed = updates.SelectMany(u => u.Update.PlanReviews
            .Where(m => m.Status is PlanStatus.Done or PlanStatus.Dropped)
            .Select(m => new ClosedPlan(u.Source, m.Text))).ToList();
        var reportedDone = updates.Skip(1).SelectMany(u => SectionDrafter.Pieces(u.Update.Achievements).Select(a => new ClosedPlan(u.Source, a)));
        return new SubGroupYear(
            group,
            name,
            updates.Count,
            summary,
            SectionDrafter.Draft(Of(u => u.Achievements)),
            SectionDrafter.Draft(Of(u => u.Plans), [.. closed, .. reportedDone]),
            [.. SectionDrafter.DraftList(Of(u => u.Challenges)).Where(c => !quoted.Any(q => Texts.Same(q, c.Text)))],
            SectionDrafter.DraftList(Of(u => u.Requests)));
    }
}
