using System.Globalization;

namespace OspBot.Reports;

/// The sub-group's partnership table as typed: the first line the headings, then a row a line, cells split by "|"
/// (or tabs, as pasted from Word). A tick or cross is printed as ✓ or ✗; other words are notes, kept as typed.
internal static class PartnershipTable
{
    public const int MaxRows = 40;

    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Parse(string text)
    {
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            return ([], []);
        }
        return (lines[0], [.. lines.Skip(1).Select(r => (IReadOnlyList<string>)[r[0], .. r.Skip(1).Select(Mark)])]);
    }

    /// Why the typed table cannot be used, or null when it can (or is empty).
    public static string? Problem(string text)
    {
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            return null;
        }
        if (lines[0].Count < 2)
        {
            return "Put the column headings on the first line, split by \"|\": e.g. \"Community | Community Partnership | Youth Partnership\".";
        }
        if (lines.Count - 1 > MaxRows)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The table has {lines.Count - 1} rows; keep it to {MaxRows}.");
        }
        var bad = lines.Skip(1).Select((r, i) => (Row: i + 2, r.Count)).FirstOrDefault(r => r.Count != lines[0].Count);
        return bad.Row == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"Line {bad.Row} has {bad.Count} cell(s) but the headings have {lines[0].Count}: split every row by \"|\" into as many cells.");
    }

    private static List<List<string>> Lines(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(l.Contains('|', StringComparison.Ordinal) ? '|' : '\t').Select(c => c.Trim()).ToList())];

    private static string Mark(string cell) => cell.ToLower(CultureInfo.InvariantCulture) switch
    {
        "y" or "yes" or "✓" or "✔" or "tick" => "✓",
        "x" or "n" or "no" or "✗" or "✘" or "cross" => "✗",
        _ => cell,
    };
}
