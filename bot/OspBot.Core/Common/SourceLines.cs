using System.Text;

namespace OspBot.Common;

/// One piece of a section as the lead wrote it: a bullet, or a line or paragraph (wrapped lines joined again).
internal sealed record SourceUnit(string Text, bool IsBullet, bool BlankBefore, int LineCount);

/// Reads a section pasted from Word, a PDF or a scan, or typed in Teams, into units: glyph and OCR bullets become
/// bullets, lines a PDF wrapped are joined (words split by a soft hyphen mended, URLs split over lines joined),
/// and a line holding only a URL the section already gives is dropped (PDF link annotations repeat them).
internal static class SourceLines
{
    public static IReadOnlyList<SourceUnit> Read(string? section)
    {
        var units = new List<Builder>();
        Builder? current = null;
        var blank = false;
        var markAlone = false;
        foreach (var line in PastedText.Clean(section).Split('\n'))
        {
            if (line.Length == 0)
            {
                current = null;
                blank = units.Count > 0;
                continue;
            }
            var bullet = PastedText.BulletText(line);
            if (bullet is { Length: 0 })
            {
                // A bullet glyph on a line of its own: the text follows on the next line.
                current = null;
                markAlone = true;
                continue;
            }
            if (bullet is null && !markAlone && current is not null && LineJoin.Continues(current.Last, line) is { } separator)
            {
                current.Append(separator, line);
                continue;
            }
            var isBullet = bullet is not null || markAlone
                // Scanned lists keep the first bullet and lose the rest: a short line after a one-line bullet is the next one.
                || (current is { IsBullet: true, Lines: 1 } && IsShortListLine(current.Last) && IsShortListLine(line));
            current = new Builder(bullet ?? line, isBullet, blank);
            units.Add(current);
            blank = false;
            markAlone = false;
        }
        return WithoutRepeatedUrls(units);
    }

    private static bool IsShortListLine(string line) =>
        line.Length < LineJoin.WrappedLength && line[^1] is not (':' or ';');

    private static List<SourceUnit> WithoutRepeatedUrls(List<Builder> units)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in units.Where(u => !IsUrlOnly(u.Text)))
        {
            foreach (var word in u.Text.Split(' '))
            {
                if (LineJoin.IsUrl(word))
                {
                    seen.Add(UrlKey(word));
                }
            }
        }
        return [.. units.Where(u => !IsUrlOnly(u.Text) || seen.Add(UrlKey(u.Text)))
            .Select(u => new SourceUnit(u.Text, u.IsBullet, u.BlankBefore, u.Lines))];
    }

    private static bool IsUrlOnly(string text) => !text.Contains(' ', StringComparison.Ordinal) && LineJoin.IsUrl(text);

    private static string UrlKey(string url) => url.TrimEnd('.', ',', ';', ':', ')', '!', '?');

    private sealed class Builder(string first, bool isBullet, bool blankBefore)
    {
        private readonly StringBuilder _text = new(first);

        public bool IsBullet { get; } = isBullet;

        public bool BlankBefore { get; } = blankBefore;

        public int Lines { get; private set; } = 1;

        public string Last { get; private set; } = first;

        public string Text => _text.ToString();

        public void Append(string separator, string line)
        {
            if (separator.Length == 0 && LineJoin.IsSoftHyphen(Last, line))
            {
                _text.Length--;
            }
            _text.Append(separator).Append(line);
            Last = line;
            Lines++;
        }
    }
}
