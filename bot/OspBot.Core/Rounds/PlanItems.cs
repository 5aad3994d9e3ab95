using System.Text;
using System.Text.RegularExpressions;

namespace OspBot.Rounds;

/// Splits a "plans for the next six months" section into the items the next quarter reviews. Text comes both
/// typed in Teams (one plan a line, or bullets) and pasted from PDFs or scans (hard-wrapped lines, bullets as
/// U+F0B7 or "•", OCR's "e " for a bullet): a bullet or a blank line starts an item, and a line continues the one
/// before when that one ran long without finishing its sentence, or when it starts in lower case.
internal static partial class PlanItems
{
    private const int WrappedLineLength = 60;

    public static IReadOnlyList<string> Split(string? plans)
    {
        if (string.IsNullOrWhiteSpace(plans))
        {
            return [];
        }
        var items = new List<string>();
        StringBuilder? current = null;
        var previousLine = "";
        foreach (var raw in plans.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush(items, ref current);
                previousLine = "";
                continue;
            }
            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                Flush(items, ref current);
                line = line[bullet.Length..].Trim();
                if (line.Length == 0)
                {
                    continue;
                }
            }
            else if (current is not null && !Continues(previousLine, line))
            {
                Flush(items, ref current);
            }

            if (current is null)
            {
                current = new StringBuilder(line);
            }
            else
            {
                // "sub-" + "group": a word broken at a hyphen is joined without a space.
                current.Append(current[^1] == '-' ? "" : " ").Append(line);
            }
            previousLine = line;
        }
        Flush(items, ref current);
        return items;
    }

    private static bool Continues(string previous, string line) =>
        char.IsLower(line[0])
        || (previous.Length >= WrappedLineLength && !previous.EndsWith('.') && !previous.EndsWith('!')
            && !previous.EndsWith('?') && !previous.EndsWith(':'));

    private static void Flush(List<string> items, ref StringBuilder? current)
    {
        if (current is { Length: > 0 })
        {
            items.Add(current.ToString());
        }
        current = null;
    }

    // Bullets as typed (-, *, •, ▪, ◦, ·), as PDFs extract them (U+F0B7 and friends), numbers ("1." "2)") and OCR's
    // reading of a round bullet as a lone "e" or "«".
    [GeneratedRegex(@"^(?:[-*•▪◦·‣○●■□\uF0A7\uF0B7\uF076\uF0D8«]|\d{1,2}[.)](?=\s)|e(?=\s+[A-Z]))\s*")]
    private static partial Regex Bullet();
}
