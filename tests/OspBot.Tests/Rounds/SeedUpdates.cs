using System.Text.RegularExpressions;
using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

/// The two real Stronger Communities updates (shared/seeds 000 and 002, copied beside this file), cut into the
/// template's four sections at their numbered headings, text kept exactly as extracted.
internal static partial class SeedUpdates
{
    public const string Mid2019 = "stronger-communities-2019-mid.txt";
    public const string Early2019Ocr = "stronger-communities-2019-early-ocr.txt";

    public static UpdateContent Read(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), file));
        var headings = Heading().Matches(text);
        Assert.Equal(4, headings.Count);
        string Section(int i) =>
            text[(headings[i].Index + headings[i].Length)..(i + 1 < headings.Count ? headings[i + 1].Index : text.Length)].Trim();
        return new UpdateContent
        {
            Achievements = Section(0),
            Plans = Section(1),
            Challenges = Section(2),
            Requests = Section(3),
            Rag = Rag.Green,
        };
    }

    [GeneratedRegex(@"^\s*[1-4]\. (Achievements since last update|Plans for the next six months|Challenges and/or blocks to progress|Requests for OSP support/advice/action/intervention \(if required\))[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "OspBot.Tests", "Rounds", "Seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"tests/OspBot.Tests/Rounds/Seeds not found above {AppContext.BaseDirectory}.");
    }
}
