using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// Writing a sub-group's update: drafts, submissions, the chair's approval, and "remind me tomorrow". Each action
/// loads the update once, checks the caller once, applies what the card sent (an UpdatePatch) and saves.
internal sealed class UpdateEditor(
    OspDbContext db, DeliveryQueue deliveries, TimeProvider clock, IOptions<RoundOptions> options, ILogger<UpdateEditor> logger,
    IPromptExtras? extras = null)
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
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var loaded = caller is null ? null : await UpdateViews.LoadAsync(db, updateId, ct);
        if (caller is null || loaded is null || !UpdateViews.CanRead(caller, loaded.Update.GroupId))
        {
            var reason = caller is null ? RefusalReason.NotMatched : loaded is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new Lookup<UpdateView>.Refused(await db.RefuseAsync(reason, ct));
        }
        return new Lookup<UpdateView>.Found(await ViewAsync(caller, loaded, ct));
    }

    public Task<UpdateResult> SaveDraftAsync(Actor actor, int updateId, UpdatePatch patch, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, patch ?? throw new ArgumentNullException(nameof(patch)), expectedRevision, Intent.Draft, retried: false, ct);

    public Task<UpdateResult> SubmitAsync(Actor actor, int updateId, UpdatePatch patch, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, patch ?? throw new ArgumentNullException(nameof(patch)), expectedRevision, Intent.Submit, retried: false, ct);

    /// The chair approves the lead's submission, as it stands (patch null) or with the chair's own edits.
    public Task<UpdateResult> ApproveAsync(Actor actor, int updateId, UpdatePatch? patch, int expectedRevision, CancellationToken ct) =>
        WriteAsync(actor, updateId, patch, expectedRevision, Intent.Approve, retried: false, ct);

    private async Task<UpdateResult> WriteAsync(
        Actor actor, int updateId, UpdatePatch? patch, int expectedRevision, Intent intent, bool retried, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var l = caller?.PersonId is null ? null : await UpdateViews.LoadAsync(db, updateId, ct);
        var role = l is null ? null : caller!.RoleIn(l.Update.GroupId);
        if (caller?.PersonId is null || l is null || role is not (MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy))
        {
            var reason = caller?.PersonId is null ? RefusalReason.NotMatched : l is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new UpdateResult.Refused(await db.RefuseAsync(reason, ct), null);
        }
        var now = clock.GetUtcNow();
        var refusal = l.Round.State == RoundState.Closed ? RefusalReason.RoundClosed
            : UpdateViews.IsLocked(l, now) ? RefusalReason.Locked
            : intent == Intent.Submit && role == MembershipRole.Deputy ? RefusalReason.DeputyCannotSubmit
            : intent == Intent.Approve && role != MembershipRole.Chair ? RefusalReason.NotChair
            : (RefusalReason?)null;
        if (refusal is { } r)
        {
            return new UpdateResult.Refused(await db.RefuseAsync(r, ct), await ViewAsync(caller, l, ct));
        }
        var content = patch?.ApplyTo(l.Content, l.CarryForward.Count) ?? l.Content;

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
            return new UpdateResult.Refused(await db.RefuseAsync(RefusalReason.NothingToApprove, ct), await ViewAsync(caller, l, ct));
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
            Append(l, caller.PersonId.Value, role.Value, content, kind, now, actor.ViaEmailLink);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (!retried)
            {
                // Another request wrote this update first (unique version number or revision check): look again.
                db.ChangeTracker.Clear();
                return await WriteAsync(actor, updateId, patch, expectedRevision, intent, retried: true, ct);
            }
            logger.UpdateVersionSaved(l.Update.Id, l.Update.CurrentVersion, kind, caller.PersonId.Value);
        }
        var view = await ViewAsync(caller, l, ct);
        return missing.Count > 0
            ? new UpdateResult.Invalid(view, content, missing, DraftKept: true)
            : new UpdateResult.Saved(view, WasDuplicate: false);
    }

    /// "Remind me tomorrow": no chaser for this update until tomorrow at the usual time, and a reminder then.
    public async Task<Lookup<DateTimeOffset>> RemindMeTomorrowAsync(Actor actor, int updateId, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var update = await db.SubGroupUpdates.AsNoTracking().Include(u => u.Round).SingleOrDefaultAsync(u => u.Id == updateId, ct);
        if (caller?.PersonId is not { } personId || update is null
            || caller.RoleIn(update.GroupId) is not (MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy))
        {
            var reason = caller?.PersonId is null ? RefusalReason.NotMatched : update is null ? RefusalReason.NotFound : RefusalReason.NoRole;
            return new Lookup<DateTimeOffset>.Refused(await db.RefuseAsync(reason, ct));
        }
        if (update.Round!.State == RoundState.Closed)
        {
            return new Lookup<DateTimeOffset>.Refused(await db.RefuseAsync(RefusalReason.RoundClosed, ct));
        }
        var remindAt = RoundCalendar.Tomorrow(clock.GetUtcNow(), options.Value);
        var snooze = await db.ReminderSnoozes.SingleOrDefaultAsync(s => s.SubGroupUpdateId == updateId && s.PersonId == personId, ct);
        if (snooze is null)
        {
            db.ReminderSnoozes.Add(new ReminderSnooze { SubGroupUpdateId = updateId, PersonId = personId, RemindAt = remindAt });
        }
        else
        {
            snooze.RemindAt = remindAt;
        }
        await db.SaveChangesAsync(ct);
        await deliveries.QueueAsync([RoundQueries.NewDelivery(DeliveryKind.Reminder, update.RoundId, updateId, personId,
            string.Create(CultureInfo.InvariantCulture, $"reminder:{updateId}:{personId}:{London.Date(remindAt):yyyy-MM-dd}"), remindAt)], ct);
        return new Lookup<DateTimeOffset>.Found(remindAt);
    }

    private async Task<UpdateView> ViewAsync(Caller caller, LoadedUpdate l, CancellationToken ct)
    {
        var view = await UpdateViews.ViewAsync(db, caller, l, clock.GetUtcNow(), ct);
        return extras is null || !view.Permissions.CanEdit
            ? view
            : view with
            {
                EarlierRequests = await extras.EarlierRequestsAsync(l.Update.GroupId, new FinancialQuarter(l.Round.FinancialYearStart, l.Round.Quarter), ct),
                ListsRequests = extras.SplitRequests(null) is not null,
            };
    }

    private static VersionKind KindFor(Intent intent) => intent switch
    {
        Intent.Submit => VersionKind.Submitted,
        Intent.Approve => VersionKind.Approved,
        _ => VersionKind.Draft,
    };

    private void Append(LoadedUpdate l, int personId, MembershipRole role, UpdateContent c, VersionKind kind, DateTimeOffset now, bool viaEmail)
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
            ViaEmail = viaEmail,
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
