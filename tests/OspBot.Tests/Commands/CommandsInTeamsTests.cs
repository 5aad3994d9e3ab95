using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Common;
using OspBot.Commands;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Cards;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Commands;

/// The command table as people meet it in Teams: what the help card lists, who is refused and how, and what the
/// manifest offers all come from the table.
public sealed class CommandsInTeamsTests
{
    [Fact]
    public async Task A_command_added_to_the_table_shows_in_the_help_card_the_refusal_and_the_manifest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await RoundsWire.StartAsync(s => s.AddBotCommands(t => t.Text<TeaCommand>(
            "make tea", "Put the kettle on for the steering group", Roles.Lead, c => c.MakeAsync, shortcut: true)));
        await wire.LinkAsync(ct);

        var leadHelp = Assert.Single(await wire.SayAsync(LeadA, "help", ct));
        Assert.Contains("make tea", CardQueries.FactTitles(leadHelp));
        Assert.Contains("Put the kettle on for the steering group", leadHelp.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Make tea", ShortcutTitles(leadHelp));
        Assert.Contains("The kettle is on", Text(Assert.Single(await wire.SayAsync(LeadA, "make tea", ct))), StringComparison.Ordinal);

        Assert.DoesNotContain("make tea", CardQueries.FactTitles(Assert.Single(await wire.SayAsync(Sec, "help", ct))));
        var refused = Text(Assert.Single(await wire.SayAsync(Sec, "make tea", ct)));
        Assert.Contains("Only for sub-group leads", refused, StringComparison.Ordinal);
        Assert.Contains("Sorry, only sub-group leads can use “make tea”.", refused, StringComparison.Ordinal);
        Assert.Contains("I don't know you yet", Text(Assert.Single(await wire.SayAsync(Stranger, "make tea", ct))), StringComparison.Ordinal);

        var table = wire.App.Services.GetRequiredService<CommandTable>();
        Assert.Contains(("make tea", "Put the kettle on for the steering group"), ManifestCommands.For(table, CommandScopes.Personal));
        Assert.DoesNotContain(ManifestCommands.For(table, CommandScopes.Team), c => c.Title == "make tea");
    }

    [Fact]
    public async Task Someone_in_the_secretariat_who_also_leads_a_sub_group_sees_the_commands_of_both()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await RoundsWire.StartAsync();
        await wire.LinkAsync(ct);
        await wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            var sec = await db.People.SingleAsync(p => p.EntraObjectId == Sec.Aad, ct);
            var group = await db.Groups.FirstAsync(g => g.Kind == GroupKind.SubGroup, ct);
            db.Memberships.Add(new Membership { PersonId = sec.Id, GroupId = group.Id, Role = MembershipRole.Lead });
            return await db.SaveChangesAsync(ct);
        });
        // The directory is cached for half a minute: a new app reads it afresh.
        wire.Restart();

        var help = Assert.Single(await wire.SayAsync(Sec, "help", ct));
        var titles = CardQueries.FactTitles(help);

        Assert.Contains("my update", titles);
        Assert.Contains("status", titles);
        Assert.Contains("open round", titles);
        Assert.Contains("You are part of the OSP secretariat.", Text(help), StringComparison.Ordinal);
        Assert.Contains("You lead the", Text(help), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aad-lead-a")]
    [InlineData("aad-sec")]
    [InlineData("aad-stranger")]
    public async Task The_help_card_lists_exactly_the_commands_the_table_gives_the_callers_roles(string aad)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await RoundsWire.StartAsync();
        await wire.LinkAsync(ct);
        var user = new[] { LeadA, Sec, Stranger }.Single(u => u.Aad == aad);
        var caller = await wire.InScopeAsync(sp => sp.GetRequiredService<ICallerDirectory>().FindAsync(user.Aad, user.Mri, null, ct));
        var table = wire.App.Services.GetRequiredService<CommandTable>();

        var help = Assert.Single(await wire.SayAsync(user, "help", ct));

        Assert.Equal(table.ListedFor(caller.Roles).Select(c => c.Usage), CardQueries.FactTitles(help));
        Assert.Contains("help", CardQueries.FactTitles(help));
    }

    private static string Text(JsonElement card) => string.Join("\n", CardQueries.Texts(card));

    private static IEnumerable<string?> ShortcutTitles(JsonElement card) =>
        CardQueries.OfType(card, "Action.Submit").Select(a => a.GetProperty("title").GetString());

    private sealed class TeaCommand
    {
        private readonly string _answer = "The kettle is on.";

        public Task<BotReply> MakeAsync(CommandRequest request, CancellationToken ct) =>
            Task.FromResult(BotReply.With(MessageCards.Message("Tea", _answer)));
    }
}
