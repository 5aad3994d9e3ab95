using System.Globalization;
using OspBot.Common;
using OspBot.Escalations;
using OspBot.Reports;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

/// The pack as a report model, so the annual report's Word writer draws it: the agenda, a one-page summary, each
/// sub-group's update in full, then the requests register.
internal static class MeetingPackDocument
{
    public const string Agenda = "Agenda";
    public const string Summary = "Summary";
    public const string Updates = "Sub-group updates";
    public const string Register = "Requests register";

    public static ReportModel Model(MeetingPackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var submitted = input.SubGroups.Count(g => g.Update is not null);
        var late = input.SubGroups.Count(g => g.Update is { IsLate: true });
        var missing = input.SubGroups.Where(g => g.Update is null).Select(g => g.Name).ToList();
        List<CoverRow> cover =
        [
            new("Meeting", [input.Meeting is { } m ? $"{m.Title}, {London.Format(m.StartsAt)}" : "Not scheduled yet"]),
            new("Quarter", [input.Quarter.Label]),
            new("Updates", [$"{submitted} of {input.SubGroups.Count} submitted ({late} late)", .. missing.Select(n => $"Missing: {n}")]),
        ];
        return new ReportModel($"OSP Steering Group meeting pack: {input.Quarter.Label}", "This pack", cover,
        [
            AgendaSection(input),
            .. SummarySections(input),
            new ReportSection(Updates, 1, missing.Count == 0 ? [] : [new ReportParagraph($"No update was submitted by: {string.Join(", ", missing)}.", null)], NewPage: true),
            .. input.SubGroups.Select(UpdateSection),
            RegisterSection(input.Requests),
        ]);
    }

    private static ReportSection AgendaSection(MeetingPackInput input)
    {
        if (input.Meeting is not { } meeting)
        {
            return new(Agenda, 1, [new ReportParagraph("No steering group meeting is scheduled for this round yet.", null)]);
        }
        var items = (meeting.Agenda ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => new ReportBullet(l.TrimStart('•', '-', '*', ' '))).ToList();
        return new(Agenda, 1,
        [
            new ReportParagraph($"{meeting.Title}, {London.Format(meeting.StartsAt)}", null),
            items.Count == 0 ? new ReportParagraph("No agenda has been set for this meeting yet.", null) : new ReportBulletList(items),
        ]);
    }

    private static IEnumerable<ReportSection> SummarySections(MeetingPackInput input)
    {
        var previous = input.Quarter.Quarter == 1 ? new FinancialQuarter(input.Quarter.StartYear - 1, 4) : new FinancialQuarter(input.Quarter.StartYear, input.Quarter.Quarter - 1);
        var rows = input.SubGroups.Select(g => (IReadOnlyList<string>)[g.Name, g.Update?.Rag?.ToString() ?? (g.Update is null ? "Missing" : "Not given"),
            g.Update?.RagReason ?? "", Trend(g.Update?.Rag, g.LastQuarterRag)]).ToList();
        var awaiting = input.Requests.Where(r => r.Status is RequestStatus.New or RequestStatus.OnAgenda)
            .Select(r => new ReportBullet($"{r.GroupName} ({r.Quarter.Label}, {RequestRules.Describe(r.Status)}): {r.Text}")).ToList();
        var flags = input.Escalations.Where(e => e.Decision != EscalationDecisionKind.Dismissed)
            .Select(e => new ReportBullet($"{e.GroupName}: {e.Summary}")).ToList();
        yield return new(Summary, 1, [new ReportTable(["Sub-group", "RAG", "Reason", $"Trend since {previous.Label}"], rows, [30, 12, 38, 20])], NewPage: true);
        yield return new("Requests awaiting a decision", 2, [Listed(awaiting, "No request is awaiting a decision.")]);
        yield return new("Escalated challenges", 2, [Listed(flags, "No challenge has persisted across quarters.")]);
    }

    private static ReportBlock Listed(List<ReportBullet> items, string none) =>
        items.Count == 0 ? new ReportParagraph(none, null) : new ReportBulletList(items);

    /// Red is worse than amber, amber worse than green.
    internal static string Trend(Rag? now, Rag? before) => (now, before) switch
    {
        (null, _) => "",
        (_, null) => "No RAG last quarter",
        var (n, b) when n == b => "Unchanged",
        var (n, b) when n < b => $"Better (was {b})",
        var (_, b) => $"Worse (was {b})",
    };

    private static ReportSection UpdateSection(PackSubGroup group)
    {
        if (group.Update is not { } u)
        {
            return new(group.Name + " (missing)", 2, [new ReportParagraph("No update was submitted for this quarter.", null)]);
        }
        List<ReportBlock> blocks = [new ReportParagraph($"RAG: {u.Rag?.ToString() ?? "not given"}{(u.RagReason is { Length: > 0 } r ? $": {r}" : "")}", null)];
        foreach (var (title, text) in new[]
        {
            ("1. Achievements", u.Achievements), ("2. Plans for the next quarter", u.Plans),
            ("3. Challenges and/or blocks to progress", u.Challenges), ("4. Requests for OSP support/advice/action/intervention", u.Requests),
        })
        {
            blocks.Add(new ReportListHeading(title, 0));
            blocks.Add(Listed(Lines(text), "None given."));
        }
        return new(group.Name + (u.IsLate ? " (late)" : ""), 2, blocks);
    }

    private static List<ReportBullet> Lines(string? text) =>
        [.. (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimStart('•', '-', '*', ' ')).Where(l => l.Length > 0).Select(l => new ReportBullet(l))];

    private static ReportSection RegisterSection(IReadOnlyList<RequestView> requests) => new(Register, 1, requests.Count == 0
        ? [new ReportParagraph("The register is empty.", null)]
        : [new ReportTable(["Sub-group", "Quarter", "Request", "Status", "Owner", "Due", "Response"],
            [.. requests.Select(r => (IReadOnlyList<string>)[r.GroupName, r.Quarter.Label, r.Text, RequestRules.Describe(r.Status), r.OwnerName ?? "",
                r.DueDate?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "", r.Response ?? ""])],
            [16, 10, 28, 10, 12, 9, 15])], NewPage: true);
}
