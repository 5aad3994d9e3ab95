using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Requests;

/// The requests register: the secretariat lists and works it (owner, status, due date, response, the steering
/// group's agenda), a request's owner updates it, and every change is a new version with who and when. One load,
/// one authorisation, one save per change.
internal sealed class RequestRegister(OspDbContext db, RequestIntake intake, DeliveryQueue deliveries, TimeProvider clock)
{
    public async Task<Lookup<RegisterView>> ListAsync(Actor actor, RequestFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is not { IsSecretariat: true })
        {
            return new Lookup<RegisterView>.Refused(await RequestRefusals.RefuseAsync(db, caller is null ? RefusalReason.NotMatched : RefusalReason.NotSecretariat, ct));
        }
        await intake.TakeSubmittedAsync(ct);
        var query = Entries();
        query = filter.GroupKey is { } key ? query.Where(r => r.Group!.Key == key) : query;
        query = filter.OwnerPersonId is { } owner ? query.Where(r => r.OwnerPersonId == owner) : query;
        query = filter.Status is { } status ? query.Where(r => r.Status == status)
            : filter.IncludeClosed ? query
            : query.Where(r => r.Status != RequestStatus.Done && r.Status != RequestStatus.Declined);
        var requests = await ViewsAsync(query, ct);
        var owners = await db.People.AsNoTracking().Where(p => !p.IsVacant).OrderBy(p => p.Name)
            .Select(p => new OwnerChoice(p.Id, p.Name)).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name)
            .Select(g => new SubGroupName(g.Key, g.Name)).ToListAsync(ct);
        return new Lookup<RegisterView>.Found(new RegisterView(requests, owners, groups));
    }

    /// One request, for the secretariat or its owner.
    public async Task<Lookup<RequestView>> GetAsync(Actor actor, int requestId, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var entry = await db.Set<RequestEntry>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (RefusalFor(caller, entry) is { } reason)
        {
            return new Lookup<RequestView>.Refused(await RequestRefusals.RefuseAsync(db, reason, ct));
        }
        return new Lookup<RequestView>.Found(await ViewAsync(requestId, ct));
    }

    /// Every request of the register, oldest quarter first, for the CSV and the Markdown (secretariat only).
    public async Task<Lookup<IReadOnlyList<RequestView>>> AllAsync(Actor actor, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is not { IsSecretariat: true })
        {
            return new Lookup<IReadOnlyList<RequestView>>.Refused(
                await RequestRefusals.RefuseAsync(db, caller is null ? RefusalReason.NotMatched : RefusalReason.NotSecretariat, ct));
        }
        return new Lookup<IReadOnlyList<RequestView>>.Found(await EveryRequestAsync(ct));
    }

    /// Every request, for OspBot's own work (the meeting pack's job); a person's caller is checked first, as in AllAsync.
    public async Task<IReadOnlyList<RequestView>> EveryRequestAsync(CancellationToken ct)
    {
        await intake.TakeSubmittedAsync(ct);
        return await ViewsAsync(Entries(), ct);
    }

    public async Task<RequestResult> ChangeAsync(Actor actor, int requestId, RequestPatch patch, int expectedRevision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var entry = await db.Set<RequestEntry>().Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (RefusalFor(caller, entry) is { } reason)
        {
            return new RequestResult.Refused(await RequestRefusals.RefuseAsync(db, reason, ct));
        }
        // The owner reports progress; only the secretariat hands a request to someone else or tables it.
        if (!caller!.IsSecretariat && (patch.OwnerPersonId is not null || patch.PutOnAgenda
            || (patch.Status == RequestStatus.OnAgenda && entry!.Status != RequestStatus.OnAgenda)))
        {
            return new RequestResult.Refused(await RequestRefusals.RefuseAsync(db, RefusalReason.NotSecretariat, ct));
        }
        if (entry!.Revision != expectedRevision)
        {
            return new RequestResult.Stale(await ViewAsync(requestId, ct));
        }
        if (await CheckAsync(patch, ct) is { } error)
        {
            return new RequestResult.Invalid(await ViewAsync(requestId, ct), error);
        }
        var previousOwner = entry.OwnerPersonId;
        if (!await ApplyAsync(entry, patch, ct))
        {
            return new RequestResult.Saved(await ViewAsync(requestId, ct), OwnerNotified: false);
        }
        var now = clock.GetUtcNow();
        entry.Revision++;
        entry.UpdatedAt = now;
        entry.Versions.Add(VersionOf(entry, caller.PersonId, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RequestResult.Stale(await ViewAsync(requestId, ct));
        }
        var notify = entry.OwnerPersonId is { } owner && owner != previousOwner && owner != caller.PersonId;
        if (notify)
        {
            await deliveries.QueueAsync([RequestDeliveries.ToOwner(entry.Id, entry.OwnerPersonId!.Value, entry.Revision, now)], ct);
        }
        return new RequestResult.Saved(await ViewAsync(requestId, ct), notify);
    }

    /// The request as it now stands, as its next version (the versions must be loaded).
    internal static RequestVersion VersionOf(RequestEntry entry, int? changedBy, DateTimeOffset now) => new()
    {
        Number = entry.Versions.Count == 0 ? 1 : entry.Versions.Max(v => v.Number) + 1,
        Status = entry.Status,
        OwnerPersonId = entry.OwnerPersonId,
        DueDate = entry.DueDate,
        Response = entry.Response,
        AgendaMeetingId = entry.AgendaMeetingId,
        StillStands = entry.StillStands,
        ChangedByPersonId = changedBy,
        ChangedAt = now,
    };

    private static RefusalReason? RefusalFor(Caller? caller, RequestEntry? entry) =>
        caller is null ? RefusalReason.NotMatched
        : entry is null ? RefusalReason.NotFound
        : caller.IsSecretariat || (caller.PersonId is { } me && me == entry.OwnerPersonId) ? null
        : RefusalReason.NoRole;

    private async Task<string?> CheckAsync(RequestPatch patch, CancellationToken ct)
    {
        if (patch.Response is { Length: > RequestRules.MaxResponse })
        {
            return string.Create(CultureInfo.InvariantCulture, $"The response is {patch.Response.Length:N0} characters; the limit is {RequestRules.MaxResponse:N0}.");
        }
        if (patch.OwnerPersonId is > 0 and var owner && !await db.People.AnyAsync(p => p.Id == owner && !p.IsVacant, ct))
        {
            return "That person is not in the OSP directory (or the seat is vacant). Pick someone from the list.";
        }
        if (patch.PutOnAgenda && await NextSteeringMeetingAsync(ct) is null)
        {
            return "No steering group meeting is scheduled yet: schedule one first (`schedule meeting`), then put the request on its agenda.";
        }
        return null;
    }

    /// Applies what changed; false when nothing did (a double click).
    private async Task<bool> ApplyAsync(RequestEntry entry, RequestPatch patch, CancellationToken ct)
    {
        var before = (entry.Status, entry.OwnerPersonId, entry.DueDate, entry.Response, entry.AgendaMeetingId);
        if (patch.PutOnAgenda)
        {
            entry.AgendaMeetingId = await NextSteeringMeetingAsync(ct);
            entry.Status = RequestStatus.OnAgenda;
        }
        entry.Status = patch.Status ?? entry.Status;
        entry.OwnerPersonId = patch.OwnerPersonId switch { null => entry.OwnerPersonId, 0 => null, var id => id };
        entry.DueDate = patch.DueDate ?? entry.DueDate;
        entry.Response = patch.Response is null ? entry.Response : patch.Response.Trim() is { Length: > 0 } r ? r : null;
        return before != (entry.Status, entry.OwnerPersonId, entry.DueDate, entry.Response, entry.AgendaMeetingId);
    }

    private Task<int?> NextSteeringMeetingAsync(CancellationToken ct) => NextSteeringMeetingAsync(db, clock.GetUtcNow(), ct);

    /// The steering group meeting a request or an escalated block goes on the agenda of: the next one scheduled.
    internal static Task<int?> NextSteeringMeetingAsync(OspDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.Group!.Kind == GroupKind.SteeringGroup && m.State == MeetingState.Scheduled && m.StartsAt > now)
            .OrderBy(m => m.StartsAt).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);

    private IQueryable<RequestEntry> Entries() => db.Set<RequestEntry>().AsNoTracking();

    private async Task<RequestView> ViewAsync(int requestId, CancellationToken ct) =>
        (await ViewsAsync(Entries().Where(r => r.Id == requestId), ct)).Single();

    private async Task<IReadOnlyList<RequestView>> ViewsAsync(IQueryable<RequestEntry> query, CancellationToken ct)
    {
        var rows = await query
            .OrderBy(r => r.Group!.Name).ThenBy(r => r.FinancialYearStart).ThenBy(r => r.Quarter).ThenBy(r => r.Position)
            .Select(r => new
            {
                Entry = r,
                r.Group!.Key,
                r.Group.Name,
                Owner = r.Owner!.Name,
                By = r.Versions.OrderByDescending(v => v.Number).Select(v => v.ChangedByPersonId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var names = await db.NamesAsync(rows.Select(r => r.By), ct);
        return [.. rows.Select(r => new RequestView
        {
            Id = r.Entry.Id,
            GroupKey = r.Key,
            GroupName = r.Name,
            Quarter = new FinancialQuarter(r.Entry.FinancialYearStart, r.Entry.Quarter),
            Text = r.Entry.Text,
            Status = r.Entry.Status,
            OwnerPersonId = r.Entry.OwnerPersonId,
            OwnerName = r.Entry.OwnerPersonId is null ? null : r.Owner,
            DueDate = r.Entry.DueDate,
            Response = r.Entry.Response,
            StillStands = r.Entry.StillStands,
            Revision = r.Entry.Revision,
            UpdatedAt = r.Entry.UpdatedAt,
            UpdatedBy = r.By is { } by && names.TryGetValue(by, out var name) ? name : Caller.Scheduler.Name,
        })];
    }
}
