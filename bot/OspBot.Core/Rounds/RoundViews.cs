using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// What the secretariat (and the OSP chair, for the digest) sees of the rounds: each round's status, the digest of
/// submissions, a sub-group's history, and the list of every round.
internal sealed class RoundViews(OspDbContext db)
{
    /// Every round, newest quarter first, with its submitted count: the secretariat's way into past rounds.
    public async Task<Lookup<IReadOnlyList<RoundSummary>>> RoundsAsync(Actor actor, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<IReadOnlyList<RoundSummary>>.Refused(refused);
        }
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.OpenedBy).Include(r => r.ClosedBy)
            .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.Quarter).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var counts = await db.SubGroupUpdates.AsNoTracking()
            .GroupBy(u => u.RoundId)
            .Select(g => new { RoundId = g.Key, All = g.Count(), Submitted = g.Count(u => u.SubmittedVersion != null) })
            .ToDictionaryAsync(c => c.RoundId, ct);
        return new Lookup<IReadOnlyList<RoundSummary>>.Found([.. rounds.Select(r => new RoundSummary(
            RoundQueries.ToView(r), counts.GetValueOrDefault(r.Id)?.Submitted ?? 0, counts.GetValueOrDefault(r.Id)?.All ?? 0))]);
    }

    /// The status of the quarter's round: the one not closed if there is one, else the one opened last.
    /// Null when the caller may see rounds but the quarter never had one.
    public async Task<Lookup<RoundStatusView>?> StatusAsync(Actor actor, FinancialQuarter quarter, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<RoundStatusView>.Refused(refused);
        }
        var roundId = await db.Rounds.AsNoTracking()
            .Where(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter)
            .OrderBy(r => r.State == RoundState.Closed).ThenByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return roundId is { } id ? await StatusAsync(actor, id, ct) : null;
    }


    /// The secretariat's view of a round (the newest one when roundId is null).
    public async Task<Lookup<RoundStatusView>> StatusAsync(Actor actor, int? roundId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<RoundStatusView>.Refused(refused);
        }
        var round = await FindRoundAsync(roundId, ct);
        if (round is null)
        {
            return new Lookup<RoundStatusView>.Refused(await db.RefuseAsync(RefusalReason.NotFound, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Group)
            .Where(u => u.RoundId == round.Id).OrderBy(u => u.Group!.Name).ToListAsync(ct);
        var names = await db.NamesAsync(updates.SelectMany(u => new[] { u.LastEditedByPersonId, u.SubmittedByPersonId }), ct);
        var counted = await CountedVersionsAsync(updates, ct);
        var people = await RoundPeople.ByUpdateAsync(db, round.Id, updates, ct);

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
            SubmittedViaEmail = counted.GetValueOrDefault(u.Id)?.ViaEmail == true,
            Rag = counted.GetValueOrDefault(u.Id)?.Rag,
            People = people[u.Id],
        }).ToList();
        return new Lookup<RoundStatusView>.Found(new RoundStatusView(RoundQueries.ToView(round), groups, await UndeliveredAsync(round.Id, ct))
        {
            SentByEmail = await EmailedAsync(round.Id, ct),
        });
    }

    /// The digest: every sub-group's counting submission in full. For the secretariat, the OSP chair and the scheduler.
    public async Task<Lookup<DigestView>> DigestAsync(Actor actor, int roundId, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is null || !(caller.IsSecretariat || caller.IsOspChair))
        {
            return new Lookup<DigestView>.Refused(await db.RefuseAsync(caller is null ? RefusalReason.NotMatched : RefusalReason.NotSecretariat, ct));
        }
        var round = await FindRoundAsync(roundId, ct);
        if (round is null)
        {
            return new Lookup<DigestView>.Refused(await db.RefuseAsync(RefusalReason.NotFound, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Group)
            .Where(u => u.RoundId == roundId).OrderBy(u => u.Group!.Name).ToListAsync(ct);
        var names = await db.NamesAsync(updates.SelectMany(u => new[] { u.SubmittedByPersonId, u.ApprovedByPersonId }), ct);
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
        return new Lookup<DigestView>.Found(new DigestView(RoundQueries.ToView(round), entries, updates.All(u => u.SubmittedVersion is not null)));
    }

    /// One sub-group's updates over time, newest round first, with every version's who and when.
    public async Task<Lookup<IReadOnlyList<HistoryEntry>>> HistoryAsync(Actor actor, string groupKey, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Key == groupKey, ct);
        if (caller is null || group is null || !UpdateViews.CanRead(caller, group.Id))
        {
            var reason = caller is null ? RefusalReason.NotMatched : group is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new Lookup<IReadOnlyList<HistoryEntry>>.Refused(await db.RefuseAsync(reason, ct));
        }
        var updates = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Round)
            .Include(u => u.Versions).ThenInclude(v => v.SavedBy)
            .Include(u => u.Versions).ThenInclude(v => v.PlanReviews)
            .Where(u => u.GroupId == group.Id)
            .OrderByDescending(u => u.Round!.FinancialYearStart).ThenByDescending(u => u.Round!.Quarter).ThenByDescending(u => u.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        var names = await db.NamesAsync(updates.Select(u => u.SubmittedByPersonId), ct);
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

    /// The updates a person chairs, leads or deputises for in rounds still taking them: the newest round's per sub-group.
    public async Task<IReadOnlyList<int>> CurrentUpdateIdsAsync(int personId, CancellationToken ct)
    {
        var updates = await db.SubGroupUpdates.AsNoTracking()
            .Where(u => u.Round!.State != RoundState.Closed
                && db.Memberships.Any(m => m.PersonId == personId && m.GroupId == u.GroupId
                    && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead || m.Role == MembershipRole.Deputy)))
            .Select(u => new { u.Id, u.GroupId, u.RoundId })
            .ToListAsync(ct);
        return [.. updates.GroupBy(u => u.GroupId).Select(g => g.MaxBy(u => u.RoundId)!.Id).Order()];
    }

    /// The round "close round" means: the newest one not yet closed; null when every round is closed.
    public Task<int?> OpenRoundIdAsync(CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => r.State != RoundState.Closed)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

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

    private async Task<IReadOnlyList<Emailed>> EmailedAsync(int roundId, CancellationToken ct)
    {
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.RoundId == roundId && d.State == DeliveryState.Sent && d.Channel == DeliveryChannel.Email)
            .Select(d => new Emailed(d.Person!.Name, db.SubGroupUpdates.Where(u => u.Id == d.SubGroupUpdateId).Select(u => u.Group!.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return [.. rows.Distinct().OrderBy(e => e.PersonName, StringComparer.OrdinalIgnoreCase)];
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
