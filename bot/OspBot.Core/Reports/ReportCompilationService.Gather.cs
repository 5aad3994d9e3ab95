using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Reports.Drafting;
using OspBot.Rounds;

namespace OspBot.Reports;

internal sealed partial class ReportCompilationService
{
    /// The year's inputs: per sub-group (in the directory's order), the submitted version of each quarter's update
    /// (the latest, should a quarter have had more than one round) with who wrote it, who approved it and the lead's
    /// marks on last quarter's plans; the steering group's meetings of the year; its seats from the directory.
    internal async Task<AnnualReportInput> GatherAsync(int year, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup)
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var submitted = await (
            from u in db.SubGroupUpdates.AsNoTracking()
            where u.Round!.FinancialYearStart == year && u.SubmittedVersion != null
            from v in u.Versions
            where v.Number == u.SubmittedVersion
            select new
            {
                u.GroupId,
                u.Round!.Quarter,
                SubmittedAt = u.SubmittedAt ?? v.SavedAt,
                // The author is whoever submitted; a chair's approval is recorded apart (and saved the approved version).
                By = db.People.Where(p => p.Id == u.SubmittedByPersonId).Select(p => p.Name).FirstOrDefault() ?? v.SavedBy!.Name,
                ApprovedBy = db.People.Where(p => p.Id == u.ApprovedByPersonId).Select(p => p.Name).FirstOrDefault(),
                VersionId = v.Id,
                v.Number,
                v.Achievements,
                v.Plans,
                v.Challenges,
                v.Requests,
                v.Rag,
                v.RagReason,
            }).ToListAsync(ct);
        var marks = await PlanMarksAsync([.. submitted.Select(s => s.VersionId)], ct);

        var subGroups = groups.Select((g, order) => new SubGroupInput
        {
            Name = g.Name,
            SortOrder = order,
            Updates = [.. submitted.Where(s => s.GroupId == g.Id)
                .GroupBy(s => s.Quarter)
                .Select(q => q.OrderByDescending(s => s.SubmittedAt).First())
                .OrderBy(s => s.Quarter)
                .Select(s => new QuarterlyUpdate
                {
                    Quarter = s.Quarter,
                    SubmittedBy = s.By,
                    ApprovedBy = s.ApprovedBy,
                    Version = s.Number,
                    SubmittedAt = s.SubmittedAt,
                    Achievements = s.Achievements ?? "",
                    Plans = s.Plans ?? "",
                    Challenges = s.Challenges ?? "",
                    Requests = s.Requests ?? "",
                    Rag = s.Rag switch { Rag.Green => RagStatus.Green, Rag.Amber => RagStatus.Amber, Rag.Red => RagStatus.Red, _ => RagStatus.NotGiven },
                    RagReason = s.RagReason,
                    PlanReviews = [.. marks[s.VersionId]],
                })],
        }).ToList();

        var now = clock.GetUtcNow();
        return new AnnualReportInput
        {
            FinancialYear = year,
            CompiledAt = now,
            Profile = (await settings.ForYearAsync(year, ct)).Profile,
            SubGroups = subGroups,
            Membership = await MembershipAsync(ct),
            MembershipAsAt = DateOnly.FromDateTime(London.Local(now)),
            SteeringGroupMeetings = await SteeringMeetingsAsync(year, ct),
            AnsweredRequests = extras is null ? [] : await extras.AnsweredRequestsAsync(year, ct),
        };
    }

    /// The lead's verdicts on last quarter's plans, per submitted version.
    private async Task<ILookup<int, PlanMark>> PlanMarksAsync(List<int> versionIds, CancellationToken ct) =>
        (await db.PlanReviews.AsNoTracking().Where(p => versionIds.Contains(p.UpdateVersionId) && p.Status != null)
            .OrderBy(p => p.Position).Select(p => new { p.UpdateVersionId, p.ItemText, p.Status }).ToListAsync(ct))
            .ToLookup(p => p.UpdateVersionId, p => new PlanMark(p.ItemText, p.Status!.Value));

    /// The directory keeps no history, so this is the steering group as it stands now, dated so (Appendix 1).
    private async Task<List<MembershipRow>> MembershipAsync(CancellationToken ct)
    {
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.Group!.Kind == GroupKind.SteeringGroup)
            .Select(m => new { m.Role, m.Person!.Name, m.Person.RoleTitle, m.Person.Organisation, m.Person.IsVacant, m.Id })
            .ToListAsync(ct);
        return [.. seats
            .OrderBy(s => s.Role == MembershipRole.Chair ? 0 : 1).ThenBy(s => s.Id)
            .Select(s => new MembershipRow(s.Name, s.RoleTitle, s.Organisation, s.Role == MembershipRole.Chair, s.IsVacant))];
    }

    /// The steering group meetings OspBot booked in the financial year (by the date in London), not cancelled.
    private async Task<List<SteeringMeeting>> SteeringMeetingsAsync(int year, CancellationToken ct)
    {
        // A day's margin either side of the year; the London date decides.
        var (from, to) = (new DateTimeOffset(year, 3, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 4, 2, 0, 0, 0, TimeSpan.Zero));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Group!.Kind == GroupKind.SteeringGroup && m.State != MeetingState.Cancelled && m.StartsAt >= from && m.StartsAt < to)
            .OrderBy(m => m.StartsAt).Select(m => new { m.StartsAt, m.Title, m.Agenda })
            .ToListAsync(ct);
        return [.. meetings.Select(m => new SteeringMeeting(DateOnly.FromDateTime(London.Local(m.StartsAt)), m.Title, m.Agenda))
            .Where(m => m.Date >= FinancialYears.QuarterStart(year, 1) && m.Date <= FinancialYears.YearEnd(year))];
    }
}
