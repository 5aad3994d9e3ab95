using System.Text.Json.Nodes;
using OspBot.Observability;
using OspBot.Teams.Schema;
using OspBot.Tests.Commands;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Observability;

/// The command tag is the bot's name for what was asked, from a fixed set: never text a person typed.
public sealed class TurnCommandsTests
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/amer/");

    [Theory]
    [InlineData("help", "help")]
    [InlineData("", "help")]
    [InlineData("<at>OspBot</at> Hello", "help")]
    [InlineData("My Updates", "my update")]
    [InlineData("status", "status")]
    [InlineData("status Q3 2025/26", "status")]
    [InlineData("history Zero Carbon Oxford", "history")]
    [InlineData("past rounds", "rounds")]
    [InlineData("open round", "open round")]
    [InlineData("schedule a meeting", "schedule meeting")]
    [InlineData("upcoming meetings", "meetings")]
    [InlineData("directory", "directory")]
    [InlineData("compile report 2024/25", "compile report")]
    [InlineData("please delete everything about Jo Bloggs", TurnCommands.NotUnderstood)]
    public void A_typed_message_is_named_by_its_command(string text, string expected) =>
        Assert.Equal(expected, TurnCommands.Of(DeclaredCommands.Table, Read(Activities.Message(ServiceUrl, text))));

    [Theory]
    [InlineData("update.submit", "update.submit")]
    [InlineData("meeting.schedule", "meeting.schedule")]
    [InlineData("directory.setRole", "directory.setRole")]
    [InlineData("reports.compile", "reports.compile")]
    [InlineData("reports.anything-a-client-invents", TurnCommands.UnknownVerb)]
    public void A_card_action_is_named_by_its_verb_when_the_bot_has_it(string verb, string expected)
    {
        var execute = Activities.Invoke(ServiceUrl, "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb } });
        var submit = Activities.Message(ServiceUrl, "");
        submit["value"] = new JsonObject { ["verb"] = verb };

        Assert.Equal(expected, TurnCommands.Of(DeclaredCommands.Table, Read(execute)));
        Assert.Equal(expected, TurnCommands.Of(DeclaredCommands.Table, Read(submit)));
    }

    [Fact]
    public void Other_activities_have_no_command()
    {
        Assert.Equal(TurnCommands.None, TurnCommands.Of(DeclaredCommands.Table, Read(Activities.PersonalInstall(ServiceUrl))));
        Assert.Equal(TurnCommands.UnknownVerb, TurnCommands.Of(DeclaredCommands.Table, Read(Activities.Invoke(ServiceUrl, "task/fetch", null))));
    }

    private static Activity Read(JsonObject json) =>
        System.Text.Json.JsonSerializer.Deserialize(json.ToJsonString(), TeamsJson.Default.Activity)!;
}
