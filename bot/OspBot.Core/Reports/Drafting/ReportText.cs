using System.Text;
using System.Text.RegularExpressions;

namespace OspBot.Reports.Drafting;

/// Cleans text pasted into updates (often from Word or PDF, sometimes scanned) so the report can carry it over
/// as plain text: markers and control characters go, glyph bullets become one bullet mark, and line breaks stay
/// (Drafting/SourceLines reads the structure from them).
internal static partial class ReportText
{
    public const char Bullet = '•';

    // Word's hidden bookmarks and footnote anchors that survive copy and paste as literal text.
    [GeneratedRegex(@"\[(?:bookmark:[^\]\n]*|footnoteRef:\s*\d+)\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"[ \u00A0\u2000-\u200A\u202F\u205F\u3000]{2,}")]
    private static partial Regex Spaces();

    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        var text = Markers().Replace(raw.Replace("\r\n", "\n", StringComparison.Ordinal), "");
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029':
                    sb.Append('\n');
                    break;
                case '\t' or '\u00A0':
                    sb.Append(' ');
                    break;
                // Symbol-font bullets from PDF text extraction land in the private use area.
                case '\uF0B7' or '\uF0A7' or '\uF0D8' or '\uF076' or '\uF0FC' or '\uF06E':
                    sb.Append(Bullet);
                    break;
                // Byte-order marks, zero-width spaces, lone surrogates and non-characters cannot be shown or stored in XML.
                case '\uFEFF' or '\u200B' or '\uFFFE' or '\uFFFF':
                    break;
                default:
                    if (!char.IsControl(c) && !char.IsSurrogate(c))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        var lines = sb.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return string.Join('\n', lines).Trim('\n');
    }

    [GeneratedRegex(@"^(?:[•·▪◦●○■□➢➤►✓‣«\-\*]|\d{1,2}[.)]|[a-z][.)]|[eo](?=\s+[A-Z0-9""“‘']))(?:\s+|$)")]
    private static partial Regex BulletMark();

    /// The text of a bullet line without its mark ("" for a mark alone), or null if the line is not a bullet.
    /// "e " or "o " before a capital is how OCR reads a round bullet; "1." and "a)" number a list.
    internal static string? BulletText(string line)
    {
        var m = BulletMark().Match(line);
        return m.Success ? line[m.Length..].Trim() : null;
    }
}
