using System.Text;
using System.Text.Json;

namespace OspBot.Tests.Cards;

/// Reads what a serialized card shows, the way a client would see it.
internal static class CardQueries
{
    public static IEnumerable<JsonElement> Descendants(JsonElement node)
    {
        yield return node;
        var children = node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => node.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }

    public static IEnumerable<JsonElement> OfType(JsonElement card, string type) =>
        Descendants(card).Where(e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type);

    public static List<string> Texts(JsonElement card) =>
        [.. OfType(card, "TextBlock").Select(e => e.GetProperty("text").GetString()!)];

    public static List<string> FactTitles(JsonElement card) =>
        [.. OfType(card, "FactSet").SelectMany(f => f.GetProperty("facts").EnumerateArray()).Select(f => f.GetProperty("title").GetString()!)];

    /// What a CommonMark renderer displays for escaped text: backslash escapes resolved, and the
    /// zero-width space that breaks "{{" removed.
    public static string Displayed(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]))
            {
                sb.Append(markdown[++i]);
            }
            else if (c == '\u200B' && i > 0 && markdown[i - 1] == '{' && i + 1 < markdown.Length && markdown[i + 1] == '{')
            {
                continue;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));
}
