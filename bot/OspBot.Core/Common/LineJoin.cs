using System.Collections.Frozen;

namespace OspBot.Common;

/// Decides whether a line continues the one before it because a PDF wrapped it, and with what separator.
internal static class LineJoin
{
    // PDF text wraps near 80 characters; a line this long that stops mid-sentence was most likely wrapped.
    public const int WrappedLength = 60;

    // No PDF page is wider than this: a longer line was typed as one line (in Teams, say) and ends where it ends.
    public const int WrappedLengthMax = 100;

    /// " " or "" to join the lines, or null to keep the line break.
    public static string? Continues(string previous, string line)
    {
        if (previous.Length == 0 || line.Length == 0)
        {
            return null;
        }
        if (EndsWithUrl(previous, out var splitAtEnd))
        {
            // A URL cut at a character like "_" or "/" was split by the wrap; one ending otherwise ends its line.
            return splitAtEnd ? "" : null;
        }
        var last = previous[^1];
        // "… can be accessed via this link:" + "http://…": the address belongs to the sentence that announces it.
        if (IsUrl(line) && last is not ('.' or '!' or '?'))
        {
            return " ";
        }
        var startsLower = char.IsLower(line[0]);
        // "Social Value and Procurement:" after a long item is the next theme, not the item's last words.
        if (!startsLower && line.Length < WrappedLength && line[^1] is ':' or ';')
        {
            return null;
        }
        // "sub-" + "group": the hyphen stays or goes by IsSoftHyphen.
        if (last == '-' && previous.Length > 1 && char.IsLetter(previous[^2]) && startsLower)
        {
            return "";
        }
        if (previous.Length is >= WrappedLength and <= WrappedLengthMax && (!EndsSentence(last) || startsLower))
        {
            return " ";
        }
        return null;
    }

    /// Whether the hyphen ending <paramref name="previous"/> only broke a word for the wrap ("commu-" + "nity"),
    /// rather than joining a compound ("sub-" + "group", "evidence-" + "based"), which keeps it.
    public static bool IsSoftHyphen(string previous, string line)
    {
        if (previous.Length < 2 || previous[^1] != '-')
        {
            return false;
        }
        var start = previous.LastIndexOf(' ') + 1;
        var before = previous[start..^1].ToLowerInvariant();
        var after = new string([.. line.TakeWhile(char.IsLetter)]).ToLowerInvariant();
        return before.Length > 0 && before.All(char.IsLetter) && !CompoundFirst.Contains(before) && !CompoundSecond.Contains(after);
    }

    public static bool IsUrl(string token) =>
        token.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool EndsSentence(char c) => c is '.' or ':' or ';' or '!' or '?';

    private static bool EndsWithUrl(string previous, out bool splitAtEnd)
    {
        var token = previous[(previous.LastIndexOf(' ') + 1)..];
        var isUrl = IsUrl(token);
        splitAtEnd = isUrl && token[^1] is '_' or '/' or '-' or '=' or '?' or '&' or '#' or '%' or '~';
        return isUrl;
    }

    // Word halves that make hyphenated compounds in the partnership's writing; any other hyphen at a line's end
    // is taken for a soft one.
    private static readonly FrozenSet<string> CompoundFirst = FrozenSet.ToFrozenSet(
    [
        "sub", "co", "non", "pre", "re", "self", "well", "ex", "anti", "multi", "cross", "inter", "post", "mid", "semi",
        "long", "short", "full", "part", "high", "low", "city", "county", "place", "cost", "data", "evidence", "user",
        "world", "age", "year", "day", "face", "one", "two", "three", "four", "five", "ten", "follow", "check", "mini",
        "health", "community", "council", "partner", "net", "zero", "carbon", "wp", "e",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> CompoundSecond = FrozenSet.ToFrozenSet(
    [
        "based", "led", "wide", "term", "scale", "level", "year", "time", "making", "focused", "friendly", "related",
        "funded", "owned", "run", "being", "up", "in", "out", "off", "on", "down", "over", "free", "specific", "quality",
        "oriented", "driven", "centred", "centered", "going", "wise", "group", "groups",
    ], StringComparer.Ordinal);
}
