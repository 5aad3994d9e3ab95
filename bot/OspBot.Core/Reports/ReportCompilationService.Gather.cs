using Microsoft.EntityFrameworkCore;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Reports;

internal sealed partial class ReportCompilationService
{
    /// The year's inputs: per sub-group, the submitted version of each quarter's update (the latest, should a quarter
    /// have had more than one round); the steering group's seats from the directory; the year's profile.
    private async Task<AnnualReportInput> GatherAsync(int year, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup)
            .OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
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
                By = v.SavedBy!.Name,
                v.Achievements,
                v.Plans,
                v.Challenges,
                v.Requests,
                v.Rag,
            }).ToListAsync(ct);

        var subGroups = groups.Select(g => new SubGroupInput
        {
            Name = g.Name,
            Updates = [.. submitted.Where(s => s.GroupId == g.Id)
                .GroupBy(s => s.Quarter)
                .Select(q => q.OrderByDescending(s => s.SubmittedAt).First())
                .OrderBy(s => s.Quarter)
                .Select(s => new QuarterlyUpdate
                {
                    Quarter = s.Quarter,
                    SubmittedBy = s.By,
                    SubmittedAt = s.SubmittedAt,
                    Achievements = s.Achievements ?? "",
                    Plans = s.Plans ?? "",
                    Challenges = s.Challenges ?? "",
                    Requests = s.Requests ?? "",
                    Rag = s.Rag switch { Rag.Green => RagStatus.Green, Rag.Amber => RagStatus.Amber, Rag.Red => RagStatus.Red, _ => RagStatus.NotGiven },
                })],
        }).ToList();

        return new AnnualReportInput
        {
            FinancialYear = year,
            CompiledAt = clock.GetUtcNow(),
            Profile = LoadProfile(year),
            SubGroups = subGroups,
            Membership = await MembershipAsync(ct),
            MembershipAsAt = FinancialYears.YearEnd(year),
        };
    }

    /// The directory keeps no history, so this is the steering group as it stands now; for a report compiled soon
    /// after the year's end (its purpose) that is the year-end membership.
    private async Task<List<MembershipRow>> MembershipAsync(CancellationToken ct)
    {
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.Group!.Kind == GroupKind.SteeringGroup)
            .Select(m => new { m.Role, m.Person!.Name, m.Person.Organisation, m.Person.IsVacant, m.Id })
            .ToListAsync(ct);
        return [.. seats
            .OrderBy(s => s.Role == MembershipRole.Chair ? 0 : 1).ThenBy(s => s.Id)
            .Select(s => new MembershipRow(s.Name, s.Role is MembershipRole.Member ? null : s.Role.ToString(), s.Organisation, s.IsVacant))];
    }
}
