using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

internal sealed partial class PartSignOffService
{
    /// The part as it stands, for its sub-group's chair, lead or deputy, or the secretariat.
    public async Task<PartResult> GetAsync(Actor actor, int partId, CancellationToken ct)
    {
        var (part, caller, refusal) = await OpenAsync(actor, partId, ct);
        return refusal is not null ? new PartResult.Refused(refusal) : new PartResult.Shown(await ViewAsync(part!, caller!, ct));
    }

    /// Saves <paramref name="sections"/> as a new version, if nobody saved one since <paramref name="basedOn"/>;
    /// otherwise writes nothing and shows both versions.
    public async Task<PartResult> SaveAsync(Actor actor, int partId, int basedOn, PartSections sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var (part, caller, refusal) = await OpenAsync(actor, partId, ct, forChange: true);
        if (refusal is not null)
        {
            return new PartResult.Refused(refusal);
        }
        if (sections.Named().FirstOrDefault(s => s.Text.Length > PartSections.MaxSectionLength) is { Title: { } longOne } && longOne.Length > 0)
        {
            return new PartResult.Refused(Refuse(RefusalReason.NotFound,
                $"\"{longOne}\" is longer than {PartSections.MaxSectionLength} characters; nothing was saved. Shorten it and save again.", []));
        }
        if (part!.CurrentVersion != basedOn)
        {
            return new PartResult.Conflict(await ViewAsync(part, caller!, ct), sections);
        }

        var latest = part.Versions.Single(v => v.Number == part.CurrentVersion);
        if (PartSections.Of(latest) == sections)
        {
            return new PartResult.Saved(await ViewAsync(part, caller!, ct));
        }
        var edit = new ReportPartVersion
        {
            Number = part.CurrentVersion + 1,
            Basis = latest.Basis,
            SavedByPersonId = caller!.PersonId,
            SavedByName = caller.Name,
            SavedAt = clock.GetUtcNow(),
        };
        sections.CopyTo(edit);
        part.Versions.Add(edit);
        part.CurrentVersion = edit.Number;
        part.State = PartState.Edited;
        return await CommitAsync(part, caller, sections, p => new PartResult.Saved(p), ct);
    }

    /// Approves the version the approver was shown; only the person the sub-group's setting names may.
    public async Task<PartResult> ApproveAsync(Actor actor, int partId, int version, CancellationToken ct)
    {
        var (part, caller, refusal) = await OpenAsync(actor, partId, ct, forChange: true);
        if (refusal is not null)
        {
            return new PartResult.Refused(refusal);
        }
        if (caller!.PersonId != part!.ApproverPersonId)
        {
            var approver = await db.People.AsNoTracking().Where(p => p.Id == part.ApproverPersonId).Select(p => new Contact(p.Name, p.Email)).SingleAsync(ct);
            return new PartResult.Refused(Refuse(RefusalReason.NotChair,
                $"Only {approver.Name} can approve the {part.Group!.Name} part. Your changes, if any, are kept; ask {approver.Name} to approve it.", [approver]));
        }
        if (part.CurrentVersion != version)
        {
            var seen = part.Versions.SingleOrDefault(v => v.Number == version);
            return new PartResult.Conflict(await ViewAsync(part, caller, ct), seen is null ? PartSections.Of(part.Versions[^1]) : PartSections.Of(seen));
        }

        part.State = PartState.Approved;
        part.ApprovedVersion = version;
        part.ApprovedByName = caller.Name;
        part.ApprovedAt = clock.GetUtcNow();
        part.ApprovedBasis = await CurrentBasisAsync(part, ct);
        return await CommitAsync(part, caller, PartSections.Of(part.Versions.Single(v => v.Number == version)), p => new PartResult.Approved(p), ct);
    }

    /// "Ask the secretariat": the question goes to each of them through the outbox, with a link back to the part.
    public async Task<PartResult> AskAsync(Actor actor, int partId, string question, CancellationToken ct)
    {
        var (part, caller, refusal) = await OpenAsync(actor, partId, ct);
        if (refusal is not null)
        {
            return new PartResult.Refused(refusal);
        }
        question = PastedText.Clean(question);
        if (question.Length is 0 or > 2000)
        {
            return new PartResult.Refused(Refuse(RefusalReason.NotFound, "Write your question (up to 2,000 characters) in the box, then press Ask the secretariat.", []));
        }
        part!.LastQuestion = question;
        part.LastQuestionByName = caller!.Name;
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        var secretariat = await db.People.AsNoTracking().Where(p => p.IsSecretariat && !p.IsVacant).Select(p => p.Id).ToListAsync(ct);
        await deliveries.QueueAsync([.. secretariat.Select(p => Send(DeliveryKind.PartQuestion, part.Id, p, $"partq:{part.Id}:{p}:{now.UtcTicks}", now))], ct);
        return new PartResult.Asked(await ViewAsync(part, caller, ct), secretariat.Count);
    }

    /// "Jane Doe asks: …", the part's latest question, for the secretariat's card.
    public async Task<string> QuestionAsync(int partId, CancellationToken ct) =>
        await db.ReportParts.AsNoTracking().Where(p => p.Id == partId).Select(p => p.LastQuestionByName + " asks: " + p.LastQuestion).SingleAsync(ct);

    /// Saves, or if another save got in first (the version is the concurrency token), shows theirs beside the caller's.
    private async Task<PartResult> CommitAsync(ReportPart part, Caller caller, PartSections yours, Func<PartView, PartResult> done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done(await ViewAsync(part, caller, ct));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var (current, _, _) = await OpenAsync(Actor.FromPerson(caller.PersonId ?? 0), part.Id, ct);
            return new PartResult.Conflict(await ViewAsync(current!, caller, ct), yours);
        }
    }

    /// Loads the part with its versions and checks who may see it (and, for a change, that the year is not final).
    private async Task<(ReportPart? Part, Caller? Caller, Refusal? Refusal)> OpenAsync(Actor actor, int partId, CancellationToken ct, bool forChange = false)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var part = await db.ReportParts.Include(p => p.Group).Include(p => p.Versions.OrderBy(v => v.Number)).SingleOrDefaultAsync(p => p.Id == partId, ct);
        if (caller is null || part is null)
        {
            return (null, null, Refuse(RefusalReason.NotFound, "That part of the annual report is not there any more, or you are not in the OSP directory.", await SecretariatAsync(ct)));
        }
        if (!caller.IsSecretariat && caller.RoleIn(part.GroupId) is not (MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy))
        {
            return (null, null, Refuse(RefusalReason.NoRole, $"Only the {part.Group!.Name} sub-group's chair, lead and deputy (and the secretariat) can see its part.", await SecretariatAsync(ct)));
        }
        var final = await db.SignOffYears.AsNoTracking().SingleOrDefaultAsync(y => y.FinancialYear == part.FinancialYear, ct);
        if (forChange && final?.FinalAt is { } at)
        {
            return (null, null, Refuse(RefusalReason.Locked,
                $"The {FinancialYears.Label(part.FinancialYear)} report was marked final by {final.FinalByName} on {FinancialYears.Date(DateOnly.FromDateTime(London.Local(at)))}, "
                + "so its parts are locked and nothing was changed. Ask the secretariat if it must change.", await SecretariatAsync(ct)));
        }
        return (part, caller, null);
    }
}
