using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    private enum Intent
    {
        Draft,
        Submit,
        Approve,
    }

    /// The update as the card shows it to this person (read-only for the secretariat and the OSP chair).
    public async Task<Lookup<UpdateView>> GetUpdateForEditingAsync(Actor actor, int updateId, CancellationToken ct)
    {
        var caller = await ResolveAsync(actor, ct);
        var loaded = caller is null ? null : await LoadAsync(updateId, ct);
        if (caller is null || loaded is null || !CanRead(caller, loaded.Update.GroupId))
        {
            var reason = caller is null ? RefusalReason.NotMatched : loaded is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new Lookup<UpdateView>.Refused(await RefuseAsync(reason, ct));
        }
        return new Lookup<UpdateView>.Found(await ViewAsync(caller, loaded, ct));
    }

    public Task<UpdateResult> SaveDraftAsync(Actor actor, int updateId, UpdateContent content, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, content ?? throw new ArgumentNullException(nameof(content)), expectedRevision, Intent.Draft, retried: false, ct);

    public Task<UpdateResult> SubmitAsync(Actor actor, int updateId, UpdateContent content, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, content ?? throw new ArgumentNullException(nameof(content)), expectedRevision, Intent.Submit, retried: false, ct);

    /// The chair approves the lead's submission, as it stands (content null) or with the chair's own edits.
    public Task<UpdateResult> ApproveAsync(Actor actor, int updateId, UpdateContent? content, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, content, expectedRevision, Intent.Approve, retried: false, ct);

    private async Task<UpdateResult> WriteAsync(
        Actor actor, int updateId, UpdateContent? content, int expectedRevision, Intent intent, bool retried, CancellationToken ct)
    {
        var caller = await ResolveAsync(actor, ct);
        var l = caller?.PersonId is null ? null : await LoadAsync(updateId, ct);
        var role = l is null ? null : caller!.RoleIn(l.Update.GroupId);
        if (caller?.PersonId is null || l is null || role is not (MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy))
        {
            var reason = caller?.PersonId is null ? RefusalReason.NotMatched : l is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new UpdateResult.Refused(await RefuseAsync(reason, ct), null);
        }
        var now = clock.GetUtcNow();
        var refusal = l.Round.State == RoundState.Closed ? RefusalReason.RoundClosed
            : IsLocked(l, now) ? RefusalReason.Locked
            : intent == Intent.Submit && role == MembershipRole.Deputy ? RefusalReason.DeputyCannotSubmit
            : intent == Intent.Approve && role != MembershipRole.Chair ? RefusalReason.NotChair
            : (RefusalReason?)null;
        if (refusal is { } r)
        {
            return new UpdateResult.Refused(await RefuseAsync(r, ct), await ViewAsync(caller, l, ct));
        }
        content ??= l.Content;

        if (l.Update.Revision != expectedRevision)
        {
            // One change since the card was drawn, by this person, with this very content: the same click twice.
            var repeat = l.Update.Revision == expectedRevision + 1 && l.Latest?.SavedByPersonId == caller.PersonId && l.Content.SameAs(content);
            if (!repeat)
            {
                return new UpdateResult.Stale(await ViewAsync(caller, l, ct));
            }
            if (l.Latest!.Kind == KindFor(intent))
            {
                return new UpdateResult.Saved(await ViewAsync(caller, l, ct), WasDuplicate: true);
            }
        }
        if (intent == Intent.Approve && !l.AwaitsApproval)
        {
            return new UpdateResult.Refused(await RefuseAsync(RefusalReason.NothingToApprove, ct), await ViewAsync(caller, l, ct));
        }
        if (intent == Intent.Draft && l.Latest is not null && l.Content.SameAs(content))
        {
            return new UpdateResult.Saved(await ViewAsync(caller, l, ct), WasDuplicate: true);
        }

        var tooLong = UpdateRules.Check(content, l.CarryForward.Count, submitting: false);
        var missing = tooLong.Count == 0 && intent != Intent.Draft ? UpdateRules.Check(content, l.CarryForward.Count, submitting: true) : [];
        if (tooLong.Count > 0)
        {
            return new UpdateResult.Invalid(await ViewAsync(caller, l, ct), content, tooLong, DraftKept: false);
        }
        // A submission missing a required section is kept as a draft, so nothing typed is lost.
        var kind = missing.Count > 0 ? VersionKind.Draft : KindFor(intent);
        var unchangedDraft = kind == VersionKind.Draft && l.Latest is not null && l.Content.SameAs(content);
        if (!unchangedDraft)
        {
            Append(l, caller.PersonId.Value, role.Value, content, kind, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (!retried)
            {
                // Another request wrote this update first (unique version number or revision check): look again.
                db.ChangeTracker.Clear();
                return await WriteAsync(actor, updateId, content, expectedRevision, intent, retried: true, ct);
            }
            logger.UpdateVersionSaved(l.Update.Id, l.Update.CurrentVersion, kind, caller.PersonId.Value);
        }
        var view = await ViewAsync(caller, l, ct);
        return missing.Count > 0
            ? new UpdateResult.Invalid(view, content, missing, DraftKept: true)
            : new UpdateResult.Saved(view, WasDuplicate: false);
    }

    private static VersionKind KindFor(Intent intent) => intent switch
    {
        Intent.Submit => VersionKind.Submitted,
        Intent.Approve => VersionKind.Approved,
        _ => VersionKind.Draft,
    };

    private void Append(Loaded l, int personId, MembershipRole role, UpdateContent c, VersionKind kind, DateTimeOffset now)
    {
        var u = l.Update;
        var awaiting = l.Latest;
        var version = new UpdateVersion
        {
            SubGroupUpdateId = u.Id,
            Number = u.CurrentVersion + 1,
            Kind = kind,
            Achievements = c.Achievements,
            Plans = c.Plans,
            Challenges = c.Challenges,
            Requests = c.Requests,
            Rag = c.Rag,
            RagReason = c.RagReason,
            SavedByPersonId = personId,
            SavedAt = now,
            PlanReviews = [.. c.PlanReviews
                .Where(r => r.Status is not null || !string.IsNullOrEmpty(r.Note))
                .DistinctBy(r => r.Position)
                .Select(r => new PlanReview { Position = r.Position, ItemText = l.CarryForward[r.Position], Status = r.Status, Note = r.Note })],
        };
        db.UpdateVersions.Add(version);
        l.Latest = version;
        u.CurrentVersion = version.Number;
        u.Revision++;
        u.LastEditedAt = now;
        u.LastEditedByPersonId = personId;

        var chairSubmits = !l.Group.RequiresChairApproval || role == MembershipRole.Chair;
        switch (kind)
        {
            case VersionKind.Draft when u.SubmittedVersion is null:
                u.Status = UpdateStatus.Draft;
                break;
            case VersionKind.Submitted when chairSubmits:
                Count(u, version.Number, personId, now, l.Group.RequiresChairApproval ? personId : null);
                break;
            case VersionKind.Submitted when u.SubmittedVersion is null:
                u.Status = UpdateStatus.AwaitingApproval;
                break;
            case VersionKind.Approved:
                // The lead's submission counts from when the lead made it; the chair's approval makes it count.
                Count(u, version.Number, awaiting!.SavedByPersonId, awaiting.SavedAt, personId);
                break;
        }
    }

    private static void Count(SubGroupUpdate u, int number, int submittedBy, DateTimeOffset submittedAt, int? approvedBy)
    {
        if (u.SubmittedVersion is null && submittedAt >= u.Round!.DeadlineAt)
        {
            u.IsLate = true;
        }
        u.SubmittedVersion = number;
        u.SubmittedAt = submittedAt;
        u.SubmittedByPersonId = submittedBy;
        u.ApprovedByPersonId = approvedBy;
        u.Status = UpdateStatus.Submitted;
        u.IsReopened = false;
    }
}
