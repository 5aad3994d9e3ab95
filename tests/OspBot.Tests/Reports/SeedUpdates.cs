using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

/// Reads the real Stronger Communities updates (seeds 000 and 002, copied beside this file) into the four
/// sections of the OSP update template.
internal static partial class SeedUpdates
{
    /// The mid-2019 update, PDF text.
    public static QuarterlyUpdate Pdf(int quarter) => Parse(Read("000_91fefc7a839040f0.txt"), quarter);

    /// The early-2019 update, scanned (OCR) text.
    public static QuarterlyUpdate Scanned(int quarter) => Parse(Read("002_1d5a24d985c60213.txt"), quarter);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Here(), "Seeds", name));

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"^\s*([1-4])\.\s+(?:Achievements|Plans|Challenges|Requests)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    public static QuarterlyUpdate Parse(string text, int quarter)
    {
        var headings = Heading().Matches(text);
        string Section(int n)
        {
            var i = headings.ToList().FindIndex(h => h.Groups[1].Value == n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(i >= 0, $"Section {n} heading not found");
            var start = headings[i].Index + headings[i].Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            return text[start..end];
        }
        return new QuarterlyUpdate
        {
            Quarter = quarter,
            SubmittedBy = "Sam Okafor",
            Version = 1,
            SubmittedAt = ReportInputs.Submitted(quarter),
            Achievements = Section(1),
            Plans = Section(2),
            Challenges = Section(3),
            Requests = Section(4),
            Rag = RagStatus.Green,
        };
    }
}
