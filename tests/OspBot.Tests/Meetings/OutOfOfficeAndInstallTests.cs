using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Rounds;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// With Graph: nobody whose automatic replies are on is reminded (the secretariat sees why), and members without a
/// chat with OspBot get it installed and their message retried.
public sealed class OutOfOfficeAndInstallTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March30At10London = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Someone_out_of_office_is_not_reminded_and_the_secretariat_sees_it_with_one_lookup_per_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var graph = new FakeGraph(await GraphStub.StartAsync(ct));
        await using var _ = graph.Stub;
        await using var world = await W.StartAsync(March2, graph.Stub, ct);
        graph.AwayUsers.Add("aad-ann");
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;

        // Back from downtime on the day before: both of each member's reminders are due in this one run (Bob gets only
        // the later one: MeetingReminderDispatchTests).
        world.Clock.SetUtcNow(March30At10London.AddDays(-1));
        Assert.Equal(1, await world.DispatchAsync(ct));

        Assert.Empty(world.Teams.To("aad-ann"));
        Assert.Single(world.Teams.To("aad-bob"));
        Assert.Single(graph.Requests("GET", "/users/aad-ann/mailboxSettings/automaticRepliesSetting"));
        Assert.Single(graph.Requests("GET", "/users/aad-bob/mailboxSettings/automaticRepliesSetting"));
        var ann = (await world.RemindersAsync(ct)).Where(d => d.MeetingId == id && d.Person!.Name == "Ann").ToList();
        Assert.NotEmpty(ann);
        Assert.All(ann, d => Assert.Equal((DeliveryState.OutOfOffice, DeliveryReasons.OutOfOffice), (d.State, d.LastError)));
    }

    [Fact]
    public async Task A_member_without_a_chat_gets_OspBot_installed_and_the_reminder_retried_once_their_chat_arrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var graph = new FakeGraph(await GraphStub.StartAsync(ct));
        await using var _ = graph.Stub;
        await using var world = await W.StartAsync(March2, graph.Stub, ct);
        await world.DbAsync(db => db.Conversations.Where(c => c.UserAadObjectId == "aad-bob").ExecuteDeleteAsync(ct));
        await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);
        world.Clock.SetUtcNow(March30At10London.AddDays(-7).AddHours(1));

        Assert.Equal(1, await world.DispatchAsync(ct));
        Assert.Equal(1, await world.InScopeAsync(sp => sp.GetRequiredService<MemberAppInstaller>().InstallForUnreachableAsync(ct)));

        var install = Assert.Single(graph.Requests("POST", "/users/aad-bob/teamwork/installedApps"));
        Assert.EndsWith("/appCatalogs/teamsApps/app-catalog-id", install.Json.GetProperty("teamsApp@odata.bind").GetString(), StringComparison.Ordinal);
        var bob = (await world.RemindersAsync(ct)).Single(d => d.Person!.Name == "Bob" && d.Attempts == 1);
        Assert.Equal((DeliveryState.Pending, DeliveryReasons.InstallingApp, world.Clock.GetUtcNow().AddMinutes(5)), (bob.State, bob.LastError, bob.DueAt));

        // Teams sends the install's conversationUpdate: the chat is stored. After the grace the reminder goes.
        await world.DbAsync(async db => { db.Conversations.Add(world.Chat("aad-bob")); return await db.SaveChangesAsync(ct); });
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await world.DispatchAsync(ct));
        Assert.Single(world.Teams.To("aad-bob"));
        Assert.Equal(0, await world.InScopeAsync(sp => sp.GetRequiredService<MemberAppInstaller>().InstallForUnreachableAsync(ct)));
    }

    [Fact]
    public async Task Without_Graph_nobody_is_checked_or_installed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.Conversations.Where(c => c.UserAadObjectId == "aad-bob").ExecuteDeleteAsync(ct));
        await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);
        // A week before at 10:00 London, which is GMT then.
        world.Clock.SetUtcNow(March30At10London.AddDays(-7).AddHours(1));

        Assert.Equal(1, await world.DispatchAsync(ct));
        Assert.Equal(0, await world.InScopeAsync(sp => sp.GetRequiredService<MemberAppInstaller>().InstallForUnreachableAsync(ct)));
        var bob = (await world.RemindersAsync(ct)).Single(d => d.Person!.Name == "Bob" && d.DueAt <= world.Clock.GetUtcNow());
        Assert.Equal((DeliveryState.Unreachable, DeliveryReasons.AppNotInstalled), (bob.State, bob.LastError));
    }
}
