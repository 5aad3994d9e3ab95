using Microsoft.EntityFrameworkCore;
using OspBot.Members;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Members;

public sealed class DirectoryEditorTests
{
    [Fact]
    public async Task The_secretariat_adds_a_person_makes_them_lead_and_links_their_teams_account()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);

        var added = Assert.IsType<DirectoryEdit.Done>(await world.DirectoryEditor().AddPersonAsync(W.Secretariat, new NewPerson("Nia Newcomer", "nia@example.org"), ct));
        Assert.IsType<DirectoryEdit.Done>(await world.DirectoryEditor().SetRoleAsync(W.Secretariat, added.PersonId, "stronger-communities", MembershipRole.Lead, ct));
        var linked = Assert.IsType<DirectoryEdit.Done>(await world.DirectoryEditor().LinkTeamsUserAsync(W.Secretariat, added.PersonId, "aad-nia", ct));
        Assert.Equal("This Teams account is now linked to Nia Newcomer.", linked.Message);

        // She can now work on the sub-group's update.
        var round = await RoundAssert.OpenAsync(world, ct);
        var sc = await RoundAssert.UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        Assert.True((await RoundAssert.ViewAsync(world, Actor.FromTeams("aad-nia"), sc, ct)).Permissions.CanSubmit);

        Assert.IsType<DirectoryEdit.Done>(await world.DirectoryEditor().SetRoleAsync(W.Secretariat, added.PersonId, "stronger-communities", MembershipRole.Deputy, ct));
        Assert.False((await RoundAssert.ViewAsync(world, Actor.FromTeams("aad-nia"), sc, ct)).Permissions.CanSubmit);
        Assert.IsType<DirectoryEdit.Done>(await world.DirectoryEditor().SetRoleAsync(W.Secretariat, added.PersonId, "stronger-communities", null, ct));
        Assert.IsType<Lookup<UpdateView>.Refused>(await world.Editor().GetUpdateForEditingAsync(Actor.FromTeams("aad-nia"), sc, ct));
    }

    [Fact]
    public async Task Only_the_secretariat_edits_and_one_teams_account_links_to_one_person()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        await using var db = world.Db();
        var sue = await db.People.SingleAsync(p => p.Name == "Sue Lead", ct);

        Assert.IsType<DirectoryEdit.Refused>(await world.DirectoryEditor().SetRoleAsync(W.EdLead, sue.Id, "economic-development", MembershipRole.Lead, ct));
        Assert.IsType<DirectoryEdit.Refused>(await world.DirectoryEditor().LinkTeamsUserAsync(W.Stranger, sue.Id, "aad-nobody", ct));
        var conflict = Assert.IsType<DirectoryEdit.Conflict>(await world.DirectoryEditor().LinkTeamsUserAsync(W.Secretariat, sue.Id, "aad-ed-lead", ct));
        Assert.Equal("That Teams account is already linked to Ed Lead.", conflict.Message);
        Assert.IsType<DirectoryEdit.NotFound>(await world.DirectoryEditor().SetRoleAsync(W.Secretariat, sue.Id, "no-such-group", MembershipRole.Lead, ct));
        Assert.Equal(["Sue Lead"], (await world.DirectoryEditor().SearchAsync("sue", 10, ct)).Select(p => p.Name));
    }
}
