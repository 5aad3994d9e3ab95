namespace OspBot.Reports;

/// Decides whether a line continues the one before it because a PDF wrapped it, and with what separator.
internal static class LineJoin
{
    // PDF text wraps near 80 characters; a line this long that stops mid-sentence was most likely wrapped.
    public const int WrappedLength = 60;

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
        var startsLower = char.IsLower(line[0]);
        // "sub-" + "group": keep the hyphen, since a real compound cannot be told from a soft hyphen.
        if (last == '-' && previous.Length > 1 && char.IsLetter(previous[^2]) && startsLower)
        {
            return "";
        }
        if (previous.Length >= WrappedLength && (!EndsSentence(last) || startsLower))
        {
            return " ";
        }
        return null;
    }

    private static bool EndsSentence(char c) => c is '.' or ':' or ';' or '!' or '?';

    private static bool EndsWithUrl(string previous, out bool splitAtEnd)
    {
        var token = previous[(previous.LastIndexOf(' ') + 1)..];
        var isUrl = token.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        splitAtEnd = isUrl && token[^1] is '_' or '/' or '-' or '=' or '?' or '&' or '#' or '%' or '~';
        return isUrl;
    }
}
