using System.Text.Json;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Tests.Commands;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards.Meetings;

/// What every meeting card must satisfy: the Adaptive Card 1.5 schema and Teams' size limit, known verbs only,
/// and an Action.Submit fallback with the same data plus the verb behind every Action.Execute.
internal static class MeetingCardChecks
{
    public static JsonElement AssertValid(AdaptiveCard card)
    {
        AdaptiveCardSchema.AssertValid(card);
        var json = card.ToJsonElement();
        foreach (var action in CardQueries.OfType(json, "Action.Execute"))
        {
            var verb = action.GetProperty("verb").GetString()!;
            Assert.True(DeclaredCommands.Answers(verb), $"No feature answers {verb}.");
            var fallback = action.GetProperty("fallback");
            Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
            Assert.Equal(verb, fallback.GetProperty("data").GetProperty(RoundData.Verb).GetString());
            foreach (var property in action.GetProperty("data").EnumerateObject())
            {
                Assert.Equal(property.Value.GetString(), fallback.GetProperty("data").GetProperty(property.Name).GetString());
            }
        }
        return json;
    }

    public static List<JsonElement> Buttons(JsonElement card, string verb) =>
        [.. CardQueries.OfType(card, "Action.Execute").Where(a => a.GetProperty("verb").GetString() == verb)];

    public static List<string> Titles(JsonElement card) =>
        [.. CardQueries.Descendants(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t)
            && t.GetString()!.StartsWith("Action.", StringComparison.Ordinal) && e.TryGetProperty("title", out _)).Select(e => e.GetProperty("title").GetString()!)];

    public static List<JsonElement> Inputs(JsonElement card) => OspBot.Tests.Cards.Rounds.RoundCardChecks.Inputs(card);

    public static JsonElement Input(JsonElement card, string id) => Assert.Single(Inputs(card), i => i.GetProperty("id").GetString() == id);

    /// Text blocks, then facts as "title: value".
    public static string Text(JsonElement card) => string.Join("\n", CardQueries.Texts(card).Concat(FactValues(card)));

    private static IEnumerable<string> FactValues(JsonElement card) =>
        CardQueries.OfType(card, "FactSet").SelectMany(f => f.GetProperty("facts").EnumerateArray()).Select(f => f.GetProperty("title").GetString() + ": " + f.GetProperty("value").GetString());
}
