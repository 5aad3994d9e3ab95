using System.Text.Json;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Tests.Commands;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards.Rounds;

/// What every round card must satisfy, whatever it shows.
internal static class RoundCardChecks
{
    /// Every line of <paramref name="text"/> is on the card, whole and in order within the line. The read-only
    /// cards reflow wrapped lines and turn bullets into list items, so lines are compared by their letters and
    /// digits, which reflowing never changes; a line's own bullet mark is not part of it.
    public static void AssertShowsEveryLine(JsonElement card, string? text)
    {
        var shown = LettersAndDigits(string.Concat(CardQueries.Texts(card).Select(CardQueries.Displayed)));
        foreach (var line in OspBot.Common.PastedText.Clean(text).Split('\n').Where(l => l.Length > 0))
        {
            var words = LettersAndDigits(OspBot.Common.PastedText.BulletText(line) ?? line);
            Assert.True(shown.Contains(words, StringComparison.Ordinal), $"Not on the card: {line}");
        }
    }

    private static string LettersAndDigits(string s) => new([.. s.Where(char.IsLetterOrDigit)]);

    public static JsonElement AssertValid(AdaptiveCard card)
    {
        AdaptiveCardSchema.AssertValid(card);
        var json = card.ToJsonElement();
        Assert.True(RoundCardSize.Bytes(card) <= RoundCardSize.MaxCardBytes, $"{RoundCardSize.Bytes(card)} bytes");
        AssertActions(json);
        AssertRefresh(json);
        return json;
    }

    /// Every button is an Action.Execute with a known verb and an Action.Submit fallback carrying the same
    /// data plus the verb; nothing else but the refresh action is an Execute.
    public static void AssertActions(JsonElement card)
    {
        var refresh = card.TryGetProperty("refresh", out var r) ? r.GetProperty("action") : (JsonElement?)null;
        foreach (var action in CardQueries.OfType(card, "Action.Execute"))
        {
            var verb = action.GetProperty("verb").GetString()!;
            // The status card also offers the report compilation, which the reports feature answers.
            Assert.True(DeclaredCommands.Answers(verb), $"No feature answers {verb}.");
            if (refresh is { } refreshAction && action.GetRawText() == refreshAction.GetRawText())
            {
                continue;
            }

            var fallback = action.GetProperty("fallback");
            Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
            var data = action.GetProperty("data");
            var fallbackData = fallback.GetProperty("data");
            Assert.Equal(verb, fallbackData.GetProperty(RoundData.Verb).GetString());
            foreach (var property in data.EnumerateObject())
            {
                Assert.Equal(property.Value.GetString(), fallbackData.GetProperty(property.Name).GetString());
            }

            Assert.Equal(data.EnumerateObject().Count() + 1, fallbackData.EnumerateObject().Count());
            Assert.Equal(action.GetProperty("title").GetString(), fallback.GetProperty("title").GetString());
            Assert.Equal(action.GetProperty("associatedInputs").GetString(), fallback.GetProperty("associatedInputs").GetString());
        }

        Assert.DoesNotContain(CardQueries.OfType(card, "Action.Submit"), s => !IsFallback(card, s));
    }

    public static void AssertRefresh(JsonElement card)
    {
        if (!card.TryGetProperty("refresh", out var refresh))
        {
            return;
        }

        Assert.Equal(RoundVerbs.Refresh, refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.True(refresh.GetProperty("action").GetProperty("data").TryGetProperty(RoundData.View, out _));
        var ids = refresh.GetProperty("userIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.InRange(ids.Count, 1, Refresh.MaxUserIds);
        Assert.All(ids, id => Assert.StartsWith("29:", id, StringComparison.Ordinal));
    }

    public static string Data(JsonElement action, string key) => action.GetProperty("data").GetProperty(key).GetString()!;

    public static List<JsonElement> Buttons(JsonElement card, string verb) =>
        [.. CardQueries.OfType(card, "Action.Execute").Where(a => a.GetProperty("verb").GetString() == verb)];

    public static List<JsonElement> Inputs(JsonElement card) =>
        [.. CardQueries.Descendants(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t)
            && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))];

    public static JsonElement Input(JsonElement card, string id) =>
        Inputs(card).Single(i => i.GetProperty("id").GetString() == id);

    private static bool IsFallback(JsonElement card, JsonElement submit) =>
        CardQueries.OfType(card, "Action.Execute").Any(a => a.TryGetProperty("fallback", out var f) && f.GetRawText() == submit.GetRawText());
}
