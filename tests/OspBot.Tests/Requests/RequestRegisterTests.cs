using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Requests;

/// Issue 15: the register taken from submitted updates and worked by the secretariat and the request's owner,
/// every change a version with who and when, and the wrong people refused.
public sealed class RequestRegisterTests
{
    private static readonly DateTimeOffset October13 = new(2026, 10, 13, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_secretariat_assigns_the_owner_updates_it_and_every_change_is_a_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await SubmittedAsync("• A venue for the summit\n• Data on NEETs by ward", ct);
        await using var _ = world;
        var mo = await PersonAsync(world, "Mo Member", ct);

        var listed = Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests;
        Assert.Equal(["A venue for the summit", "Data on NEETs by ward"], listed.Select(r => r.Text));
        var venue = listed[0];
        Assert.Equal((RequestStatus.New, "Stronger Communities", "Q3 2026/27"), (venue.Status, venue.GroupName, venue.Quarter.Label));

        // Assigned, accepted and given a due date: one change, one version, one card to the new owner.
        var patch = new RequestPatch { OwnerPersonId = mo, Status = RequestStatus.Accepted, DueDate = new DateOnly(2026, 11, 30) };
        var assigned = Assert.IsType<RequestResult.Saved>(await Register(world).ChangeAsync(W.Secretariat, venue.Id, patch, venue.Revision, ct));
        Assert.True(assigned.OwnerNotified);
        Assert.Equal(("Mo Member", RequestStatus.Accepted, "Sam Secretariat"), (assigned.Request.OwnerName, assigned.Request.Status, assigned.Request.UpdatedBy));
        // The same click again (the card's old revision): nothing saved twice.
        Assert.IsType<RequestResult.Stale>(await Register(world).ChangeAsync(W.Secretariat, venue.Id, patch, venue.Revision, ct));

        // The owner reports what the OSP did, but may not hand it on.
        var owner = Actor.FromPerson(mo);
        var done = Assert.IsType<RequestResult.Saved>(await Register(world).ChangeAsync(
            owner, venue.Id, new RequestPatch { Status = RequestStatus.Done, Response = "Booked the Town Hall for 4 March" }, assigned.Request.Revision, ct));
        Assert.Equal((RequestStatus.Done, "Booked the Town Hall for 4 March", "Mo Member"), (done.Request.Status, done.Request.Response, done.Request.UpdatedBy));
        var handOn = await Register(world).ChangeAsync(owner, venue.Id, new RequestPatch { OwnerPersonId = await PersonAsync(world, "Ed Lead", ct) }, done.Request.Revision, ct);
        Assert.Equal(RefusalReason.NotSecretariat, Assert.IsType<RequestResult.Refused>(handOn).Refusal.Reason);

        await using var db = world.Db();
        var versions = await db.Set<RequestVersion>().Where(v => v.RequestEntryId == venue.Id).OrderBy(v => v.Number).ToListAsync(ct);
        var sec = await PersonAsync(world, "Sam Secretariat", ct);
        Assert.Equal(
            [(1, RequestStatus.New, (int?)null, (int?)null), (2, RequestStatus.Accepted, mo, sec), (3, RequestStatus.Done, mo, mo)],
            versions.Select(v => (v.Number, v.Status, v.OwnerPersonId, v.ChangedByPersonId)));
        Assert.Equal([October13, October13, October13], versions.Select(v => v.ChangedAt));
        var card = Assert.Single(await db.Deliveries.Where(d => d.Kind == DeliveryKind.RequestOwner).ToListAsync(ct));
        Assert.Equal((mo, venue.Id), (card.PersonId, RequestDeliveries.RequestIdOf(card.IdempotencyKey)));

        // Open ones by default; done ones when asked for.
        Assert.Equal(["Data on NEETs by ward"], Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests.Select(r => r.Text));
        Assert.Equal(["A venue for the summit"], Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter { Status = RequestStatus.Done }, ct)).Requests.Select(r => r.Text));
        Assert.Empty(Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter { GroupKey = "economic-development", IncludeClosed = true }, ct)).Requests);
        Assert.Equal(sc, await db.Set<RequestEntry>().Where(r => r.Id == venue.Id).Select(r => r.SubGroupUpdateId).SingleAsync(ct));
    }

    [Fact]
    public async Task Only_the_secretariat_lists_and_only_the_secretariat_or_the_owner_changes_a_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, _) = await SubmittedAsync("Can the OSP chair write to the County about school transport?", ct);
        await using var _w = world;
        var request = Assert.Single(Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests);

        Assert.Equal(RefusalReason.NotSecretariat, Assert.IsType<Lookup<RegisterView>.Refused>(await Register(world).ListAsync(W.ScLead, new RequestFilter(), ct)).Refusal.Reason);
        Assert.Equal(RefusalReason.NotMatched, Assert.IsType<Lookup<RegisterView>.Refused>(await Register(world).ListAsync(W.Stranger, new RequestFilter(), ct)).Refusal.Reason);
        // The sub-group's own lead is not its owner: it cannot close its own request.
        var byLead = await Register(world).ChangeAsync(W.ScLead, request.Id, new RequestPatch { Status = RequestStatus.Done }, request.Revision, ct);
        Assert.Equal(RefusalReason.NoRole, Assert.IsType<RequestResult.Refused>(byLead).Refusal.Reason);
        Assert.Equal(RefusalReason.NotFound, Assert.IsType<RequestResult.Refused>(
            await Register(world).ChangeAsync(W.Secretariat, request.Id + 100, new RequestPatch { Status = RequestStatus.Done }, 0, ct)).Refusal.Reason);
        // No steering group meeting yet: the agenda button says what to do and saves nothing.
        var agenda = Assert.IsType<RequestResult.Invalid>(await Register(world).ChangeAsync(W.Secretariat, request.Id, new RequestPatch { PutOnAgenda = true }, request.Revision, ct));
        Assert.Contains("schedule meeting", agenda.Error, StringComparison.Ordinal);
        Assert.Equal((RequestStatus.New, 0), (agenda.Current.Status, agenda.Current.Revision));
    }

    [Fact]
    public async Task A_resubmission_adds_and_drops_requests_but_keeps_what_someone_worked_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await SubmittedAsync("• A venue for the summit\n• Data on NEETs by ward\n• A letter to DWP", ct);
        await using var _ = world;
        var first = Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests;
        var letter = first.Single(r => r.Text == "A letter to DWP");
        Assert.IsType<RequestResult.Saved>(await Register(world).ChangeAsync(W.Secretariat, letter.Id, new RequestPatch { Status = RequestStatus.Accepted }, letter.Revision, ct));

        await SubmitAsync(world, sc, "• A venue for the summit\n• Two places on the council's leadership course", ct);

        var after = Found(await Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests;
        Assert.Equal(["A venue for the summit", "Two places on the council's leadership course", "A letter to DWP"], after.Select(r => r.Text));
        Assert.Equal(first[0].Id, after[0].Id);
    }

    internal static RequestRegister Register(W world)
    {
        var db = world.Db();
        return new RequestRegister(db, new RequestIntake(db, world.Clock), new DeliveryQueue(db), world.Clock);
    }

    private static async Task<(W World, int Update)> SubmittedAsync(string requests, CancellationToken ct)
    {
        var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var round = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(October13);
        var sc = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        await SubmitAsync(world, sc, requests, ct);
        return (world, sc);
    }

    private static async Task SubmitAsync(W world, int update, string requests, CancellationToken ct)
    {
        await using var db = world.Db();
        var revision = await db.SubGroupUpdates.Where(u => u.Id == update).Select(u => u.Revision).SingleAsync(ct);
        Saved(await world.Editor().SubmitAsync(W.ScLead, update, UpdatePatch.Replacing(Complete() with { Requests = requests }), revision, ct));
    }

    private static async Task<int> PersonAsync(W world, string name, CancellationToken ct)
    {
        await using var db = world.Db();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(ct);
    }
}
