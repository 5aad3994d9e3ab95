using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    /// The secretariat's view of a round (the newest one when roundId is null).
    public async Task<Lookup<RoundStatusView>> StatusAsync(Actor actor, int? roundId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<RoundStatusView>.Refused(refused.Refusal);
        }
        var round = await FindRoundAsync(roundId, ct);
        if (round is null)
        {
            return new Lookup<RoundStatusView>.Refused(await RefuseAsync(RefusalReason.NotFound, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Group)
            .Where(u => u.RoundId == round.Id).OrderBy(u => u.Group!.Name).ToListAsync(ct);
        var names = await NamesAsync(updates.SelectMany(u => new[] { u.LastEditedByPersonId, u.SubmittedByPersonId }), ct);
        var counted = await CountedVersionsAsync(updates, ct);
        var recipients = await db.Memberships.AsNoTracking()
            .Where(m => (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead) && !m.Person!.IsVacant)
            .Select(m => new { m.GroupId, m.Person!.Name }).ToListAsync(ct);

        var groups = updates.Select(u => new GroupStatus
        {
            UpdateId = u.Id,
            GroupKey = u.Group!.Key,
            GroupName = u.Group.Name,
            Status = u.Status,
            IsLate = u.IsLate,
            IsReopened = u.IsReopened,
            LastEditedAt = u.LastEditedAt,
            LastEditedBy = u.LastEditedByPersonId is { } e ? names.GetValueOrDefault(e) : null,
            SubmittedAt = u.SubmittedAt,
            SubmittedBy = u.SubmittedByPersonId is { } s ? names.GetValueOrDefault(s) : null,
            Rag = counted.GetValueOrDefault(u.Id)?.Rag,
            Recipients = [.. recipients.Where(r => r.GroupId == u.GroupId).Select(r => r.Name).Order()],
        }).ToList();
        return new Lookup<RoundStatusView>.Found(new RoundStatusView(ToView(round), groups, await UndeliveredAsync(round.Id, ct)));
    }

    /// The digest: every sub-group's counting submission in full. For the secretariat, the OSP chair and the scheduler.
    public async Task<Lookup<DigestView>> DigestAsync(Actor actor, int roundId, CancellationToken ct)
    {
        var caller = await ResolveAsync(actor, ct);
        if (caller is null || !(caller.IsSecretariat || caller.IsOspChair))
        {
            return new Lookup<DigestView>.Refused(await RefuseAsync(caller is null ? RefusalReason.NotMatched : RefusalReason.NotSecretariat, ct));
        }
        var round = await FindRoundAsync(roundId, ct);
        if (round is null)
        {
            return new Lookup<DigestView>.Refused(await RefuseAsync(RefusalReason.NotFound, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Group)
            .Where(u => u.RoundId == roundId).OrderBy(u => u.Group!.Name).ToListAsync(ct);
        var names = await NamesAsync(updates.SelectMany(u => new[] { u.SubmittedByPersonId, u.ApprovedByPersonId }), ct);
        var counted = await CountedVersionsAsync(updates, ct);
        var entries = updates.Select(u => new DigestEntry
        {
            UpdateId = u.Id,
            GroupName = u.Group!.Name,
            Status = u.Status,
            IsLate = u.IsLate,
            SubmittedAt = u.SubmittedAt,
            SubmittedBy = u.SubmittedByPersonId is { } s ? names.GetValueOrDefault(s) : null,
            ApprovedBy = u.ApprovedByPersonId is { } a ? names.GetValueOrDefault(a) : null,
            Content = counted.GetValueOrDefault(u.Id) is { } v ? UpdateContent.From(v) : null,
            PlanReviews = counted.GetValueOrDefault(u.Id) is { } w
                ? [.. w.PlanReviews.OrderBy(p => p.Position).Select(p => new CarryForwardItem(p.Position, p.ItemText, p.Status, p.Note))]
                : [],
        }).ToList();
        return new Lookup<DigestView>.Found(new DigestView(ToView(round), entries, updates.All(u => u.SubmittedVersion is not null)));
    }

    /// One sub-group's updates over time, newest round first, with every version's who and when.
    public async Task<Lookup<IReadOnlyList<HistoryEntry>>> HistoryAsync(Actor actor, string groupKey, CancellationToken ct)
    {
        var caller = await ResolveAsync(actor, ct);
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Key == groupKey, ct);
        if (caller is null || group is null || !CanRead(caller, group.Id))
        {
            var reason = caller is null ? RefusalReason.NotMatched : group is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new Lookup<IReadOnlyList<HistoryEntry>>.Refused(await RefuseAsync(reason, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Round)
            .Include(u => u.Versions).ThenInclude(v => v.SavedBy)
            .Include(u => u.Versions).ThenInclude(v => v.PlanReviews)
            .Where(u => u.GroupId == group.Id)
            .OrderByDescending(u => u.Round!.FinancialYearStart).ThenByDescending(u => u.Round!.Quarter).ThenByDescending(u => u.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        var names = await NamesAsync(updates.Select(u => u.SubmittedByPersonId), ct);
        return new Lookup<IReadOnlyList<HistoryEntry>>.Found([.. updates.Select(u =>
        {
            var submitted = u.Versions.SingleOrDefault(v => v.Number == u.SubmittedVersion);
            return new HistoryEntry
            {
                RoundId = u.RoundId,
                UpdateId = u.Id,
                QuarterLabel = new FinancialQuarter(u.Round!.FinancialYearStart, u.Round.Quarter).Label,
                MeetingDate = u.Round.MeetingDate,
                Status = u.Status,
                IsLate = u.IsLate,
                SubmittedAt = u.SubmittedAt,
                SubmittedBy = u.SubmittedByPersonId is { } s ? names.GetValueOrDefault(s) : null,
                Rag = submitted?.Rag,
                Submitted = submitted is null ? null : UpdateContent.From(submitted),
                Versions = [.. u.Versions.OrderBy(v => v.Number).Select(v => new VersionInfo(v.Number, v.Kind, v.SavedBy!.Name, v.SavedAt))],
            };
        })]);
    }

    private Task<UpdateRound?> FindRoundAsync(int? roundId, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Include(r => r.OpenedBy).Include(r => r.ClosedBy)
            .Where(r => roundId == null || r.Id == roundId)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);

    private async Task<Dictionary<int, UpdateVersion>> CountedVersionsAsync(IReadOnlyList<SubGroupUpdate> updates, CancellationToken ct)
    {
        var ids = updates.Where(u => u.SubmittedVersion is not null).Select(u => u.Id).ToList();
        var versions = await db.UpdateVersions.AsNoTracking().Include(v => v.PlanReviews)
            .Where(v => ids.Contains(v.SubGroupUpdateId)).ToListAsync(ct);
        return versions.Where(v => updates.Any(u => u.Id == v.SubGroupUpdateId && u.SubmittedVersion == v.Number))
            .ToDictionary(v => v.SubGroupUpdateId);
    }

    private async Task<IReadOnlyList<Undelivered>> UndeliveredAsync(int roundId, CancellationToken ct) =>
        await db.Deliveries.AsNoTracking()
            .Where(d => d.RoundId == roundId && (d.State == DeliveryState.Unreachable || d.State == DeliveryState.Ambiguous || d.State == DeliveryState.OutOfOffice
                || (d.State == DeliveryState.Pending && d.LastError != null)))
            .OrderBy(d => d.Person!.Name).ThenBy(d => d.DueAt)
            .Select(d => new Undelivered(
                d.Person!.Name,
                db.SubGroupUpdates.Where(u => u.Id == d.SubGroupUpdateId).Select(u => u.Group!.Name).FirstOrDefault(),
                d.Kind, d.State, d.LastError, d.DueAt))
            .ToListAsync(ct);
}
