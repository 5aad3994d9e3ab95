using System.Text.Json;
using System.Text.Json.Nodes;
using OspBot.Tests.Cards;
using OspBot.Tests.Rounds;

namespace OspBot.Tests.Meetings;

/// What the meeting tests do over RoundsWire: fill the schedule form, read cards as a person would.
internal static class MeetingsWire
{
    /// Monday 12 October 2026, 10:00 in London (BST): 11 days after RoundsWire's clock starts.
    public static readonly DateOnly MeetingDay = new(2026, 10, 12);

    public static JsonObject Form(string group, string title, string? agenda = null, DateOnly? date = null, string time = "10:00", string formId = "form-1") => new()
    {
        ["formId"] = formId,
        ["group"] = group,
        ["title"] = title,
        ["agenda"] = agenda ?? "",
        ["duration"] = "60",
        ["date"] = (date ?? MeetingDay).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["time"] = time,
    };

    /// Text blocks and facts ("title: value") of a card, as one string.
    public static string Text(JsonElement card) => string.Join("\n", CardQueries.Texts(card).Concat(
        CardQueries.OfType(card, "FactSet").SelectMany(f => f.GetProperty("facts").EnumerateArray())
            .Select(f => f.GetProperty("title").GetString() + ": " + f.GetProperty("value").GetString())));

    public static int MeetingId(JsonElement card) =>
        int.Parse(CardData.Of(card, "meeting.apologyList")["meetingId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// The url of an Action.OpenUrl by its title.
    public static Uri Link(JsonElement card, string title) => new(CardQueries.OfType(card, "Action.OpenUrl")
        .Single(a => a.GetProperty("title").GetString() == title).GetProperty("url").GetString()!);
}
