using System.Text;

namespace OspBot.Meetings;

/// RFC 5545 content lines: TEXT escaping, quoted parameters, and folding at 75 octets with CRLF.
internal static class IcsText
{
    /// TEXT values (section 3.3.11): backslash, semicolon and comma escaped, line breaks as \n, other
    /// control characters dropped (they are not allowed in TEXT).
    public static string Escape(string? value)
    {
        var text = new StringBuilder();
        foreach (var c in (value ?? "").ReplaceLineEndings("\n"))
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                ';' => text.Append(@"\;"),
                ',' => text.Append(@"\,"),
                '\n' => text.Append(@"\n"),
                '\t' => text.Append(c),
                _ when char.IsControl(c) => text,
                _ => text.Append(c),
            };
        }
        return text.ToString();
    }

    /// A quoted parameter value (section 3.2): DQUOTE is not allowed inside, nor are control characters.
    public static string Quoted(string value) =>
        $"\"{new string([.. value.Replace('"', '\'').Where(c => !char.IsControl(c))])}\"";

    /// Appends one content line, folded so no physical line exceeds 75 octets (section 3.1). Folds fall
    /// between whole characters, never inside a UTF-8 sequence or a surrogate pair.
    public static void AppendLine(StringBuilder ics, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                ics.Append("\r\n ");
                octets = 1; // the leading space of the continuation line counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
