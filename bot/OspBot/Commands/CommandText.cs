using System.Text.RegularExpressions;

namespace OspBot.Commands;

/// What a person typed, as a command: the bot's @mention removed (channels deliver "<at>OspBot</at> help"),
/// HTML entities and surrounding whitespace trimmed, case folded.
internal static partial class CommandText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var withoutMention = MentionTag().Replace(text, " ");
        var decoded = System.Net.WebUtility.HtmlDecode(withoutMention);
        return Whitespace().Replace(decoded, " ").Trim().ToLowerInvariant();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
