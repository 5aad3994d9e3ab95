using System.Text;
using System.Text.RegularExpressions;

namespace OspBot.Reports;

/// Cleans text pasted into updates (often from Word or PDF, sometimes scanned) so the report can carry it over
/// as plain text: markers and control characters go, glyph bullets become one bullet mark, and line breaks stay
/// where they mean something.
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

    /// Splits a cleaned section into items: bullets, lines that stand alone, and paragraphs re-joined where a PDF
    /// wrapped them. Line breaks that look deliberate stay inside an item as "\n".
    public static IReadOnlyList<string> Items(string? section)
    {
        var items = new List<string>();
        StringBuilder? current = null;
        var currentIsBullet = false;
        var currentLines = 0;
        var previous = "";
        foreach (var line in Clean(section).Split('\n'))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var bullet = BulletText(line);
            if (bullet is not null)
            {
                Flush();
                if (bullet.Length > 0)
                {
                    current = new StringBuilder(bullet);
                    currentLines = 1;
                }
                currentIsBullet = true;
                previous = bullet;
                continue;
            }
            if (current is null)
            {
                current = new StringBuilder(line);
                currentLines = 1;
            }
            else if (LineJoin.Continues(previous, line) is { } separator)
            {
                current.Append(separator).Append(line);
            }
            else if (currentIsBullet && currentLines == 1 && line.Length < LineJoin.WrappedLength)
            {
                // Scanned lists keep the first bullet and lose the rest: a short line after a one-line bullet is the next one.
                Flush();
                current = new StringBuilder(line);
                currentIsBullet = true;
                currentLines = 1;
            }
            else
            {
                current.Append('\n').Append(line);
                currentLines++;
            }
            previous = line;
        }
        Flush();
        return items;

        void Flush()
        {
            if (current is { Length: > 0 })
            {
                items.Add(current.ToString());
            }
            current = null;
            currentIsBullet = false;
            previous = "";
        }
    }

    [GeneratedRegex(@"^(?:[•·▪◦●○■□➢➤►✓\-\*]|e(?=\s+[A-Z0-9""“‘']))(?:\s+|$)")]
    private static partial Regex BulletMark();

    /// The text of a bullet line without its mark ("" for a mark alone), or null if the line is not a bullet.
    /// "e " before a capital is how OCR reads a round bullet.
    internal static string? BulletText(string line)
    {
        var m = BulletMark().Match(line);
        return m.Success ? line[m.Length..].Trim() : null;
    }
}
