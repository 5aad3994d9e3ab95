using System.Text;

namespace OspBot.Cards.Common;

/// Makes user-provided text safe for TextBlock, whose text is a markdown subset plus {{DATE()}}/{{TIME()}}
/// functions: what the user typed must be shown literally, never formatted, linked or reinterpreted.
internal static class CardText
{
    // CommonMark lets a backslash escape any ASCII punctuation; these are the characters that can start
    // emphasis, links, code, strikethrough, entities, HTML or headings anywhere in a line.
    private const string EscapedAnywhere = @"\*_[]`~<>&#";

    // These only act at the start of a line (lists, block quotes, setext underlines).
    private const string EscapedAtLineStart = "-+=";

    // Placed between "{" and "{": breaks the function syntax without a visible change.
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (atLineStart && c is ' ' or '\t')
            {
                sb.Append(c);
                continue;
            }

            if (atLineStart)
            {
                atLineStart = false;
                if (EscapedAtLineStart.Contains(c, StringComparison.Ordinal))
                {
                    sb.Append('\\');
                }
                else if (char.IsAsciiDigit(c))
                {
                    i = AppendListNumber(text, i, sb);
                    continue;
                }
            }

            if (EscapedAnywhere.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                sb.Append(ZeroWidthSpace);
            }

            atLineStart = c is '\n' or '\r';
        }

        return sb.ToString();
    }

    /// One line of user text for quoting inside a sentence: whitespace collapsed, cut to
    /// <paramref name="maxChars"/> (with an ellipsis), then escaped.
    public static string Quote(string? text, int maxChars)
    {
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Escape(Truncate(string.Join(' ', words), maxChars));
    }

    /// Cuts to at most <paramref name="maxChars"/> characters without splitting a surrogate pair.
    public static string Truncate(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // "2024. A good year" would become a numbered list: escape the dot or parenthesis after the digits.
    private static int AppendListNumber(string text, int start, StringBuilder sb)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            sb.Append(text[i++]);
        }

        if (i < text.Length && text[i] is '.' or ')')
        {
            sb.Append('\\').Append(text[i]);
            return i;
        }

        return i - 1;
    }
}
