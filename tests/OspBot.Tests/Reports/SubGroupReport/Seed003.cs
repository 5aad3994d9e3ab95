using System.Text.Json.Nodes;
using OspBot.Tests.Seeds;

namespace OspBot.Tests.Reports.SubGroupReport;

/// The Stronger Communities Steering Group's 2018 annual report (seed 003) cut into the standing settings its chair
/// would type: each part as the report has it, the partnership table's rows as pasted from Word (tab-separated,
/// "X" for a cross, notes kept), the task-and-finish project under its "# title", the related projects as listed.
internal static class Seed003
{
    public const string File = "003_92651e2f94f805af.txt";

    public const string Headings = "Community | Community Partnership | Health and Wellbeing Group | Youth Partnership";

    private static readonly Lazy<List<string>> Lines = new(() => [.. SeedTexts.Read(File).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')]);

    /// The "About the group" part of the settings card, as the chair fills it in.
    public static JsonObject About() => new()
    {
        ["background"] = Between("Background", "Aims for 2018-19"),
        ["wayOfWorking"] = Between("Our way of working", "The Community Partnerships are:", inclusiveEnd: true),
        ["partnerships"] = string.Join('\n', [Headings, .. TableRows()]),
        ["afterTable"] = Between("The Community Partnerships are:", "Summary: Stronger Communities way of working")
            .Split('\n').SkipWhile(l => !l.StartsWith("The Stronger Communities group agree", StringComparison.Ordinal)).Aggregate("", Join),
    };

    /// The "Projects and people" part.
    public static JsonObject Projects() => new()
    {
        ["taskAndFinish"] = "# Making Every Contact Count (MECC)\n" + Between("Task and Finish project - Making Every Contact Count (MECC)", "Related projects."),
        ["related"] = Between("Related projects.", "Members of the group"),
        ["invited"] = Lines.Value.Single(l => l.StartsWith("Kathy Shaw will be invited", StringComparison.Ordinal)),
        ["approver"] = "chair",
    };

    /// The rows under the table's broken-up heading: "The Leys\t✓\t✓\t✓", "East Oxford\tX\tX\t✓", …
    public static List<string> TableRows()
    {
        var from = Lines.Value.IndexOf("The Community Partnerships are:");
        return [.. Lines.Value.Skip(from).TakeWhile(l => !l.StartsWith("The Stronger Communities group agree", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith("--", StringComparison.Ordinal) && l.Split('\t').Length == 4)];
    }

    private static string Between(string start, string end, bool inclusiveEnd = false)
    {
        var lines = Lines.Value;
        var from = lines.IndexOf(start) + 1;
        var to = lines.FindIndex(from, l => l.Trim() == end);
        Assert.True(from > 0 && to > from, $"003 has no '{start}' … '{end}'");
        return lines.Skip(from).Take(to - from + (inclusiveEnd ? 1 : 0)).Aggregate("", Join);
    }

    private static string Join(string text, string line) => line.Trim().Length == 0 ? text : text.Length == 0 ? line.Trim() : text + "\n" + line.Trim();
}
