using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Rounds;

/// An update as loaded for a read or a write: tracked, with its round, group, newest version and last quarter's plans.
internal sealed class LoadedUpdate(SubGroupUpdate update, UpdateVersion? latest, IReadOnlyList<string> carryForward)
{
    public SubGroupUpdate Update { get; } = update;

    public UpdateVersion? Latest { get; set; } = latest;

    public IReadOnlyList<string> CarryForward { get; } = carryForward;

    public UpdateRound Round => Update.Round!;

    public Group Group => Update.Group!;

    public UpdateContent Content => Latest is null ? new() : UpdateContent.From(Latest);

    /// A lead's submission waits for the chair (only ever in a group that requires approval).
    public bool AwaitsApproval => Latest is { Kind: VersionKind.Submitted } && Update.SubmittedVersion != Update.CurrentVersion;
}

/// How an update is read: loaded once, shown to a person with what they may do with it.
internal static class UpdateViews
{
    public static async Task<LoadedUpdate?> LoadAsync(OspDbContext db, int updateId, CancellationToken ct)
    {
        var update = await db.SubGroupUpdates.Include(u => u.Round).Include(u => u.Group).SingleOrDefaultAsync(u => u.Id == updateId, ct);
        if (update is null)
        {
            return null;
        }
        var latest = update.CurrentVersion == 0
            ? null
            : await db.UpdateVersions.Include(v => v.PlanReviews)
                .SingleAsync(v => v.SubGroupUpdateId == updateId && v.Number == update.CurrentVersion, ct);
        return new LoadedUpdate(update, latest, PlanItems.Split(await PreviousPlansAsync(db, update, ct)));
    }

    /// Section 2 of the sub-group's most recent earlier submission: the plans this update reports against.
    private static Task<string?> PreviousPlansAsync(OspDbContext db, SubGroupUpdate update, CancellationToken ct)
    {
        var (year, quarter) = (update.Round!.FinancialYearStart, update.Round.Quarter);
        return db.SubGroupUpdates.AsNoTracking()
            .Where(p => p.GroupId == update.GroupId && p.SubmittedVersion != null
                && (p.Round!.FinancialYearStart < year || (p.Round.FinancialYearStart == year && p.Round.Quarter < quarter)))
            .OrderByDescending(p => p.Round!.FinancialYearStart).ThenByDescending(p => p.Round!.Quarter)
            .Select(p => p.Versions.Where(v => v.Number == p.SubmittedVersion).Select(v => v.Plans).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
    }

    public static bool CanRead(Caller caller, int groupId) =>
        caller.IsSecretariat || caller.IsOspChair || caller.RoleIn(groupId) is MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy;

    /// Submitted before the deadline passed (or the round was locked) and not reopened: frozen.
    public static bool IsLocked(LoadedUpdate l, DateTimeOffset now) =>
        l.Round.State == RoundState.Closed
        || (RoundQueries.IsPastDeadline(l.Round, now) && l.Update.SubmittedVersion is not null && !l.Update.IsReopened);

    private static UpdatePermissions PermissionsFor(Caller caller, LoadedUpdate l, DateTimeOffset now)
    {
        if (IsLocked(l, now))
        {
            return UpdatePermissions.ReadOnly;
        }
        var role = caller.RoleIn(l.Update.GroupId);
        return new UpdatePermissions(
            CanEdit: role is MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy,
            CanSubmit: role is MembershipRole.Chair or MembershipRole.Lead,
            CanApprove: role is MembershipRole.Chair && l.Group.RequiresChairApproval && l.AwaitsApproval);
    }

    public static async Task<UpdateView> ViewAsync(OspDbContext db, Caller caller, LoadedUpdate l, DateTimeOffset now, CancellationToken ct)
    {
        var u = l.Update;
        var names = await db.NamesAsync([u.LastEditedByPersonId, u.SubmittedByPersonId, u.ApprovedByPersonId], ct);
        var content = l.Content;
        var reviews = content.PlanReviews.ToDictionary(r => r.Position);
        return new UpdateView
        {
            UpdateId = u.Id,
            RoundId = u.RoundId,
            GroupKey = l.Group.Key,
            GroupName = l.Group.Name,
            QuarterLabel = new FinancialQuarter(l.Round.FinancialYearStart, l.Round.Quarter).Label,
            MeetingDate = l.Round.MeetingDate,
            DeadlineAt = l.Round.DeadlineAt,
            RoundState = l.Round.State,
            Status = u.Status,
            IsLate = u.IsLate,
            Revision = u.Revision,
            VersionNumber = u.CurrentVersion,
            Content = content,
            CarryForward = [.. l.CarryForward.Select((text, i) =>
                new CarryForwardItem(i, text, reviews.GetValueOrDefault(i)?.Status, reviews.GetValueOrDefault(i)?.Note))],
            LastEditedAt = u.LastEditedAt,
            LastEditedBy = u.LastEditedByPersonId is { } e ? names.GetValueOrDefault(e) : null,
            SubmittedAt = u.SubmittedAt,
            SubmittedBy = u.SubmittedByPersonId is { } s ? names.GetValueOrDefault(s) : null,
            ApprovedBy = u.ApprovedByPersonId is { } a ? names.GetValueOrDefault(a) : null,
            IsLocked = IsLocked(l, now),
            IsReopened = u.IsReopened,
            HasUnsubmittedChanges = u.SubmittedVersion is { } sv && sv < u.CurrentVersion,
            RequiresChairApproval = l.Group.RequiresChairApproval,
            Permissions = PermissionsFor(caller, l, now),
        };
    }
}
