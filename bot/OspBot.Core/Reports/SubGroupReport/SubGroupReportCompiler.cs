using System.Text.RegularExpressions;
using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// A member of the sub-group as its report lists them.
internal sealed record GroupMember(string Name, string? Organisation, bool IsChair);

/// What a sub-group's own annual report is made of: its year drafted from its updates, its standing settings and
/// its members from the directory.
internal sealed record SubGroupReportInput(
    string Name, int FinancialYear, SubGroupYear Year, SubGroupStanding Standing, IReadOnlyList<GroupMember> Members, DateOnly SignedOn);

/// A sub-group's own annual report in the shape of its 2018 "Annual Report and briefing" (seeds 001/003): Background,
/// the year, Aims for the coming year, Our way of working with the partnership table, the task-and-finish projects,
/// Related projects lettered, Members of the group with the chair marked, and the chair's name with month and year.
/// The year's text comes from the council report's own drafting (SubGroupYear); nothing is drafted twice. Pure.
internal static partial class SubGroupReportCompiler
{
    public static ReportModel Compile(SubGroupReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (s, label) = (input.Standing, FinancialYears.Label(input.FinancialYear));
        var b = new ReportBuilder(numbered: false);

        Write(b.Section("Background"), s.Background, $"No background has been written yet: the chair or the secretariat can add it with \"sub-group settings {input.Name}\".");
        b.Section($"The year {label}", comment: $"Drafted from {AnnualReportCompiler.Count(input.Year.UpdateCount, "quarterly update")} of {label}.");
        b.Numbered(input.Year.Summary.Text, input.Year.Summary.Source.Comment());
        AnnualReportCompiler.Drafted(b, input.Year.Achievements, $"Our delivery in {label} included:", $"Our delivery in {label} also included:");

        b.Section($"Aims for {FinancialYears.Label(input.FinancialYear + 1)}");
        if (input.Year.Plans.IsEmpty)
        {
            b.Numbered("No plans for the coming year were given in the year's updates.");
        }
        AnnualReportCompiler.Drafted(b, input.Year.Plans, "Our aims for the coming year are:", "Our aims also include:");

        Write(b.Section("Our way of working"), s.WayOfWorking, "");
        var (header, rows) = PartnershipTable.Parse(s.PartnershipTable);
        if (header.Count > 0)
        {
            b.Table(header, rows, Shares(header.Count));
        }
        Write(b, s.AfterTable, "");
        TaskAndFinish(b, s.TaskAndFinish);
        if (input.Year.Requests.Count > 0)
        {
            b.Section("Requests for OSP support").Numbered("During the year we asked the OSP for:", keepWithNext: true)
                .Bullets(input.Year.Requests.Select(r => new ReportBullet(r.Text, r.Source.Comment())));
        }
        Related(b.Section("Related projects"), s.RelatedProjects);
        Members(b.Section("Members of the group"), input);
        return new ReportModel($"{input.Name} Annual Report and briefing", "", [], b.Sections);
    }

    /// "Task and Finish project - Making Every Contact Count (MECC)", one section per "# title" line.
    private static void TaskAndFinish(ReportBuilder b, string text)
    {
        List<string> lines = [];
        string? title = null;
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Append("# "))
        {
            if (!line.StartsWith("# ", StringComparison.Ordinal) && line != "#")
            {
                lines.Add(line);
                continue;
            }
            if (title is not null || lines.Any(l => l.Length > 0))
            {
                Write(b.Section(title is { Length: > 0 } ? $"Task and Finish project - {title}" : "Task and Finish project"), string.Join('\n', lines), "");
            }
            (title, lines) = (line.TrimStart('#').Trim(), []);
        }
    }

    /// The lead-in as paragraphs, then the projects lettered a., b., … as 003 has them.
    private static void Related(ReportBuilder b, string text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            b.Numbered("No related projects have been listed.");
        }
        var letter = 'a';
        foreach (var line in lines)
        {
            // A project typed with its letter ("- a. Barton Healthy New Town", as pasted from the old report) keeps one.
            b.Numbered(PastedText.BulletText(line) is { } project ? $"{letter++}. {TypedLetter().Replace(project, "")}" : line);
        }
    }

    /// "Jackie Wilderspin (Chair), Public Health", the others in the directory's order, the people to be invited,
    /// and the chair's name with the month and year, as the chair signs it.
    private static void Members(ReportBuilder b, SubGroupReportInput input)
    {
        foreach (var m in input.Members.OrderBy(m => m.IsChair ? 0 : 1))
        {
            b.Numbered($"{m.Name}{(m.IsChair ? " (Chair)" : "")}{(string.IsNullOrWhiteSpace(m.Organisation) ? "" : ", " + m.Organisation)}");
        }
        Write(b, input.Standing.ToBeInvited, "");
        var chair = input.Members.FirstOrDefault(m => m.IsChair)?.Name ?? "The chair of the sub-group";
        b.Numbered($"{chair}, {FinancialYears.MonthYear(input.SignedOn)}");
    }

    private static void Write(ReportBuilder b, string text, string whenEmpty)
    {
        if ((text ?? "").Trim().Length == 0)
        {
            b.Numbered(whenEmpty);
            return;
        }
        PartSections.Write(b, text!);
    }

    [GeneratedRegex(@"^[a-z][.)]\s+")]
    private static partial Regex TypedLetter();

    /// The first column (the rows' names) wider than the ticks.
    private static int[] Shares(int columns) =>
        [.. Enumerable.Range(0, columns).Select(i => i == 0 ? 100 - ((columns - 1) * (70 / (columns - 1))) : 70 / (columns - 1))];
}
