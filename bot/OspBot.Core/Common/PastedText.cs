using System.Text;
using System.Text.RegularExpressions;

namespace OspBot.Common;

/// The one cleaner of text pasted into updates (often from Word or PDF, sometimes scanned), shared by Rounds (on
/// save and in the read-only view) and Reports. Clean makes plain text for the report: markers and control
/// characters go, glyph bullets become one bullet mark, and line breaks stay (SourceLines reads the structure from
/// them). NormaliseBullets is the lighter touch used on save: only the bullets change.
internal static partial class PastedText
{
    public const char Bullet = '•';

    // Word's symbol font puts its bullets in the private use area: shown in any other font they are empty boxes.
    private static bool IsSymbolBullet(char c) => c is '\uF0B7' or '\uF0A7' or '\uF0D8' or '\uF076' or '\uF0FC' or '\uF06E';

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
                case var _ when IsSymbolBullet(c):
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

    // A scan reads a round bullet as "e" or "o" standing alone before a capital: no English line starts that way.
    [GeneratedRegex(@"^([ \t]*)[eo][ \t]+(?=[A-Z0-9""“‘'])", RegexOptions.Multiline)]
    private static partial Regex OcrBullet();

    [GeneratedRegex(@"^([ \t]*)[\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF06E][ \t]*", RegexOptions.Multiline)]
    private static partial Regex SymbolBullet();

    /// The text as typed, except that symbol-font bullets (which show as empty boxes) and OCR's "e"/"o" bullets at
    /// the start of a line become "• ". Everything else, line breaks and spaces included, is kept.
    public static string? NormaliseBullets(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var bullets = SymbolBullet().Replace(text, "$1" + Bullet + " ");
        return OcrBullet().Replace(bullets, "$1" + Bullet + " ");
    }
}
