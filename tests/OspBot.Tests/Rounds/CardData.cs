using System.Text.Json;
using System.Text.Json.Nodes;

namespace OspBot.Tests.Rounds;

/// Reads a card the way Teams would: the data of a button, the text shown.
internal static class CardData
{
    /// The data of the first Action.Execute with this verb (a fresh copy to add inputs to).
    public static JsonObject Of(JsonElement card, string verb) =>
        Find(card, verb) is { } action && action.TryGetProperty("data", out var data)
            ? JsonNode.Parse(data.GetRawText())!.AsObject()
            : throw new Xunit.Sdk.XunitException($"No Action.Execute '{verb}' on the card: {card.GetRawText()}");

    public static bool Has(JsonElement card, string verb) => Find(card, verb) is not null;

    public static JsonObject With(this JsonObject data, string key, string value)
    {
        data[key] = value;
        return data;
    }

    private static JsonElement? Find(JsonElement node, string verb)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                if (node.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute"
                    && node.TryGetProperty("verb", out var v) && v.GetString() == verb)
                {
                    return node;
                }
                foreach (var p in node.EnumerateObject().Where(p => p.Name != "refresh"))
                {
                    if (Find(p.Value, verb) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    if (Find(item, verb) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
