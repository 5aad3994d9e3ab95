using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Reports.Drafting;
using OspBot.Rounds;

namespace OspBot.Reports;

internal sealed partial class PartSignOffService
{
    /// Every part of the year: approved, edited or waiting, and which need a second look; null before the sign-off started.
    public async Task<SignOffStatus?> StatusAsync(int year, CancellationToken ct)
    {
        if (await db.SignOffYears.AsNoTracking().SingleOrDefaultAsync(y => y.FinancialYear == year, ct) is not { } signOff)
        {
            return null;
        }
        var bases = await BasesAsync(year, null, ct);
        var parts = await db.ReportParts.AsNoTracking().Where(p => p.FinancialYear == year).OrderBy(p => p.GroupId)
            .Select(p => new
            {
                p.Id,
                p.GroupId,
                Group = p.Group!.Name,
                p.State,
                p.ApprovedByName,
                p.ApprovedAt,
                p.ApprovedBasis,
                Approver = db.People.Where(x => x.Id == p.ApproverPersonId).Select(x => x.Name).First(),
                Latest = p.Versions.OrderByDescending(v => v.Number).Select(v => new { v.SavedByName, v.Basis }).First(),
            }).ToListAsync(ct);
        var rows = parts.Select(p => new PartStatusRow(p.Id, p.Group, p.State, p.Approver, p.ApprovedByName, p.ApprovedAt, p.Latest.SavedByName,
            Changed(p.State == PartState.Approved ? p.ApprovedBasis : p.Latest.Basis, bases.GetValueOrDefault(p.GroupId, "")))).ToList();
        return new SignOffStatus(year, rows, signOff.FinalAt, signOff.FinalByName, RoundCalendar.DaysLeft(clock.GetUtcNow(), signOff.DueAt));
    }

    /// Sends the part again to the approvers of parts nobody has touched, while there are days left and the report is
    /// not final (as update chasers: only the silent); at most once a day each. Returns the sub-groups chased.
    public async Task<IReadOnlyList<string>?> ChaseAsync(Actor actor, int year, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var signOff = await db.SignOffYears.AsNoTracking().SingleOrDefaultAsync(y => y.FinancialYear == year, ct);
        var now = clock.GetUtcNow();
        if (caller is not { IsSecretariat: true } || signOff is null || signOff.FinalAt is not null || RoundCalendar.DaysLeft(now, signOff.DueAt) <= 0)
        {
            return null;
        }
        var silent = await db.ReportParts.AsNoTracking().Where(p => p.FinancialYear == year && p.State == PartState.Waiting)
            .OrderBy(p => p.Group!.Name).Select(p => new { p.Id, p.ApproverPersonId, p.Group!.Name }).ToListAsync(ct);
        var day = London.Date(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await deliveries.QueueAsync([.. silent.Select(p => Send(DeliveryKind.PartChaser, p.Id, p.ApproverPersonId, $"partchase:{p.Id}:{day}", now))], ct);
        return [.. silent.Select(p => p.Name)];
    }

    /// The secretariat's "final" mark: the report went to Council, so no part is edited or approved after it.
    public async Task<bool> MarkFinalAsync(Actor actor, int year, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is not { IsSecretariat: true })
        {
            return false;
        }
        return await db.SignOffYears.Where(y => y.FinancialYear == year && y.FinalAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(y => y.FinalAt, clock.GetUtcNow()).SetProperty(y => y.FinalByName, caller.Name), ct) == 1;
    }

    private async Task<PartView> ViewAsync(ReportPart part, Caller caller, CancellationToken ct)
    {
        var latest = part.Versions.OrderBy(v => v.Number).Last();
        var approver = await db.People.AsNoTracking().Where(p => p.Id == part.ApproverPersonId).Select(p => p.Name).SingleAsync(ct);
        var final = await db.SignOffYears.AsNoTracking().AnyAsync(y => y.FinancialYear == part.FinancialYear && y.FinalAt != null, ct);
        var basis = await CurrentBasisAsync(part, ct);
        return new PartView
        {
            PartId = part.Id,
            FinancialYear = part.FinancialYear,
            SubGroup = part.Group!.Name,
            State = part.State,
            Version = latest.Number,
            Sections = PartSections.Of(latest),
            ApproverName = approver,
            LastSavedBy = latest.SavedByName,
            LastSavedAt = latest.SavedAt,
            ApprovedByName = part.ApprovedByName,
            ApprovedAt = part.ApprovedAt,
            ChangedSinceApproval = Changed(part.State == PartState.Approved ? part.ApprovedBasis : latest.Basis, basis),
            IsFinal = final,
            CanApprove = !final && caller.PersonId == part.ApproverPersonId,
        };
    }

    private async Task<string> CurrentBasisAsync(ReportPart part, CancellationToken ct) =>
        (await BasesAsync(part.FinancialYear, part.GroupId, ct)).GetValueOrDefault(part.GroupId, "");

    /// Per sub-group, the basis its part would be drafted from now (the latest submitted update of each quarter).
    private async Task<Dictionary<int, string>> BasesAsync(int year, int? groupId, CancellationToken ct)
    {
        var submitted = await db.SubGroupUpdates.AsNoTracking()
            .Where(u => u.Round!.FinancialYearStart == year && u.SubmittedVersion != null && (groupId == null || u.GroupId == groupId))
            .Select(u => new { u.GroupId, u.Round!.Quarter, u.SubmittedVersion, u.SubmittedAt }).ToListAsync(ct);
        return submitted.GroupBy(u => u.GroupId).ToDictionary(g => g.Key, g => Basis(new SubGroupInput
        {
            Name = "",
            Updates = [.. g.GroupBy(u => u.Quarter).Select(q => q.OrderByDescending(u => u.SubmittedAt).First())
                .Select(u => new QuarterlyUpdate { Quarter = u.Quarter, Version = u.SubmittedVersion })],
        }));
    }
}
