using System.Text.Json;
using System.Text.Json.Nodes;
using OspBot.Cards.Model;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards;

public sealed class CardModelTests
{
    // Every element and action the model offers, as an update-round card would combine them.
    private static AdaptiveCard Everything() => new()
    {
        Body =
        [
            new TextBlock("Quarterly update") { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent },
            new Container { Style = ContainerStyle.Emphasis, Items = [new TextBlock("Inside") { IsSubtle = true, MaxLines = 2 }], Bleed = true },
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "auto", Items = [new Image(new Uri("https://www.oxford.gov.uk/logo.png")) { AltText = "Logo", Size = ImageSize.Small, Style = ImageStyle.Person }] },
                    new Column { Width = "stretch", VerticalContentAlignment = VerticalContentAlignment.Center, Items = [new TextBlock("Beside")] },
                ],
            },
            new FactSet([new Fact("Due", "31 March 2025")]) { Spacing = Spacing.Medium, Separator = true },
            new TextInput { Id = "achievements", Label = "1. Achievements since last update", IsMultiline = true, MaxLength = 4000, IsRequired = true, ErrorMessage = "Please write something" },
            new ChoiceSetInput { Id = "subGroup", Label = "Sub-group", Choices = [new Choice("Safer Communities", "safer")], Style = ChoiceInputStyle.Compact, IsRequired = true },
            new ActionSet([new OpenUrlAction(new Uri("https://www.oxford.gov.uk")) { Title = "Open" }]),
        ],
        Actions =
        [
            new ExecuteAction("saveUpdate")
            {
                Title = "Save", Style = ActionStyle.Positive, Data = new JsonObject { ["round"] = "2025-Q1" },
                Fallback = new SubmitAction { Title = "Save", Data = new JsonObject { ["verb"] = "saveUpdate" } },
            },
            new ExecuteAction("cancel") { Title = "Cancel", AssociatedInputs = AssociatedInputs.None, Mode = ActionMode.Secondary },
            new ShowCardAction(new AdaptiveCard { Schema = null, Version = null, Body = [new TextBlock("More")] }) { Title = "More" },
            SubmitAction.ImBack("Status", "status"),
        ],
        Refresh = Refresh.For(new ExecuteAction("refreshUpdate"), ["29:1AbcUser"]),
        MsTeams = TeamsCardOptions.FullWidth,
    };

    [Fact]
    public void Every_model_type_serializes_to_a_schema_valid_card() =>
        AdaptiveCardSchema.AssertValid(Everything());

    [Fact]
    public void Serialization_writes_type_discriminators_camel_case_and_no_nulls()
    {
        var json = Everything().ToJsonElement();

        Assert.Equal("AdaptiveCard", json.GetProperty("type").GetString());
        Assert.Equal("1.5", json.GetProperty("version").GetString());
        Assert.Equal(AdaptiveCard.SchemaUrl, json.GetProperty("$schema").GetString());
        Assert.Equal("Full", json.GetProperty("msteams").GetProperty("width").GetString());
        var refresh = json.GetProperty("refresh").GetProperty("action");
        Assert.Equal("Action.Execute", refresh.GetProperty("type").GetString());
        Assert.Equal("Action.Submit", json.GetProperty("actions")[0].GetProperty("fallback").GetProperty("type").GetString());
        Assert.Equal("None", json.GetProperty("actions")[1].GetProperty("associatedInputs").GetString());
        Assert.Equal("heading", json.GetProperty("body")[0].GetProperty("style").GetString());
        Assert.Equal("Input.Text", json.GetProperty("body")[4].GetProperty("type").GetString());
        Assert.DoesNotContain(CardQueries.Descendants(json), e => e.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void ImBack_buttons_post_the_command_as_typed_text()
    {
        var data = JsonSerializer.SerializeToElement(SubmitAction.ImBack("Status", "status").Data);
        Assert.Equal("imBack", data.GetProperty("msteams").GetProperty("type").GetString());
        Assert.Equal("status", data.GetProperty("msteams").GetProperty("value").GetString());
    }

    [Fact]
    public void Refresh_refuses_more_users_than_Teams_refreshes_automatically()
    {
        var users = Enumerable.Range(0, Refresh.MaxUserIds + 1).Select(i => $"29:user{i}").ToList();
        Assert.Throws<ArgumentException>(() => Refresh.For(new ExecuteAction("refresh"), users));
    }
}
