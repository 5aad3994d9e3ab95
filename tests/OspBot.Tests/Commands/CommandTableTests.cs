using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Common;
using OspBot.Commands;

namespace OspBot.Tests.Commands;

/// The table itself: how typed text finds its command, and that a name cannot be declared twice.
public sealed class CommandTableTests
{
    [Fact]
    public void Typed_text_finds_its_command_by_name_alias_or_name_and_argument()
    {
        var table = Table(t => t
            .Text<Handlers>("status", "Status", Roles.Secretariat, h => h.OkAsync, aliases: ["where are we"], argument: ArgumentMode.Optional)
            .Text<Handlers>("history", "History", Roles.Secretariat, h => h.OkAsync, argument: ArgumentMode.Required)
            .Text<Handlers>("open round", "Open", Roles.Secretariat, h => h.OkAsync));

        Assert.Equal(("status", ""), Match(table, "status"));
        Assert.Equal(("status", ""), Match(table, "where are we"));
        Assert.Equal(("status", "q3 2025/26"), Match(table, "status q3 2025/26"));
        Assert.Equal(("history", "economic-development"), Match(table, "history economic-development"));
        Assert.Equal(("open round", ""), Match(table, "open round"));
        // Without its argument "history" is no command; "open round" takes none; a prefix of words is not a word.
        Assert.Null(table.MatchText("history"));
        Assert.Null(table.MatchText("open round now"));
        Assert.Null(table.MatchText("statuses"));
        Assert.Equal(HelpCommand.Name, Match(table, "hi")?.Name);
    }

    [Fact]
    public void A_name_declared_twice_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Table(t => t
            .Text<Handlers>("status", "Status", Roles.Secretariat, h => h.OkAsync)
            .Text<Handlers>("state", "State", Roles.Secretariat, h => h.OkAsync, aliases: ["status"])));

        Assert.Contains("\"status\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_comes_first_and_the_rest_by_name_whatever_the_order_features_register_in()
    {
        var one = Table(t => t.Text<Handlers>("b", "B", Roles.Member, h => h.OkAsync), t => t.Text<Handlers>("a", "A", Roles.Member, h => h.OkAsync));
        var other = Table(t => t.Text<Handlers>("a", "A", Roles.Member, h => h.OkAsync), t => t.Text<Handlers>("b", "B", Roles.Member, h => h.OkAsync));

        Assert.Equal(["help", "a", "b"], one.ListedFor(Roles.Anyone | Roles.Member).Select(c => c.Name));
        Assert.Equal(one.All.Select(c => c.Name), other.All.Select(c => c.Name));
    }

    [Fact]
    public void Roles_read_as_people_would_say_them()
    {
        Assert.Equal("the OSP secretariat", RoleNames.Describe(Roles.Secretariat));
        Assert.Equal("sub-group chairs, leads and deputies", RoleNames.Describe(Roles.SubGroupSeat));
        Assert.Equal("the OSP secretariat, the OSP chair and sub-group leads", RoleNames.Describe(Roles.Secretariat | Roles.OspChair | Roles.Lead));
    }

    private static (string Name, string Argument)? Match(CommandTable table, string text) =>
        table.MatchText(text) is var (command, argument) ? (command.Name, argument) : null;

    private static CommandTable Table(params Action<CommandTableBuilder>[] features)
    {
        var services = new ServiceCollection();
        foreach (var feature in features)
        {
            services.AddBotCommands(feature);
        }
        return services.BuildServiceProvider().GetRequiredService<CommandTable>();
    }

    private sealed class Handlers
    {
        private readonly string _heading = "OK";

        public Task<BotReply> OkAsync(CommandRequest request, CancellationToken ct) =>
            Task.FromResult(BotReply.With(MessageCards.Message(_heading, request.Command.Name)));
    }
}
