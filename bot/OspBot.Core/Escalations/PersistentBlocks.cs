using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OspBot.Reports.Drafting;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.Escalations;

/// One sub-group's submitted update in one quarter, as the escalation rules read it.
internal sealed record QuarterReport(FinancialQuarter Quarter, string? Challenges, Rag? Rag, string? RagReason);

/// A flag on a sub-group's latest quarter: what has persisted, since when, in its latest words.
internal sealed record PersistentBlock(EscalationKind Kind, FinancialQuarter Since, FinancialQuarter Latest, string Text, string FirstWording)
{
    /// The same flag while the run is the same: group, kind, first quarter, latest quarter and the first wording.
    public string KeyFor(int groupId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{groupId}|{Kind}|{Since.Label}|{Latest.Label}|{FirstWording}")));
}

/// The escalation rules: a challenge reported in two or more consecutive quarters (the same block in different
/// words, by the report's near-duplicate matching), and a RAG of amber or red two quarters running.
internal static class PersistentBlocks
{
    /// Flags on the newest of <paramref name="reports"/> (one sub-group's, in any order).
    public static IReadOnlyList<PersistentBlock> Find(IEnumerable<QuarterReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var run = ConsecutiveRun(reports);
        if (run.Count < 2)
        {
            return [];
        }
        List<PersistentBlock> flags = [];
        foreach (var challenge in RequestRules.Split(run[0].Challenges))
        {
            var (since, first) = (run[0].Quarter, challenge);
            foreach (var earlier in run.Skip(1))
            {
                // Followed back wording by wording: each quarter's account is compared with the one after it.
                if (RequestRules.Split(earlier.Challenges).FirstOrDefault(e => Texts.Same(e, first)) is not { } match)
                {
                    break;
                }
                (since, first) = (earlier.Quarter, match);
            }
            if (since != run[0].Quarter)
            {
                flags.Add(new PersistentBlock(EscalationKind.Challenge, since, run[0].Quarter, challenge, first));
            }
        }
        var red = run.TakeWhile(r => r.Rag is Rag.Amber or Rag.Red).ToList();
        if (red.Count >= 2)
        {
            flags.Add(new PersistentBlock(EscalationKind.Rag, red[^1].Quarter, run[0].Quarter, RagRun(red), ""));
        }
        return flags;
    }

    /// "RAG amber two quarters running: Officer vacancy", with the latest quarter's reason.
    private static string RagRun(List<QuarterReport> run)
    {
        var colours = string.Join(" or ", run.Select(r => r.Rag!.Value).Distinct().Order().Select(r => r.ToString().ToLowerInvariant()));
        var quarters = run.Count switch { 2 => "two", 3 => "three", 4 => "four", var n => n.ToString(CultureInfo.InvariantCulture) };
        return $"RAG {colours} {quarters} quarters running{(run[0].RagReason is { Length: > 0 } reason ? ": " + reason : "")}";
    }

    /// The newest report and those before it with no quarter missing between, newest first.
    private static List<QuarterReport> ConsecutiveRun(IEnumerable<QuarterReport> reports)
    {
        List<QuarterReport> run = [];
        foreach (var report in reports.OrderByDescending(r => r.Quarter.StartYear).ThenByDescending(r => r.Quarter.Quarter).DistinctBy(r => r.Quarter))
        {
            if (run.Count > 0 && report.Quarter.Next != run[^1].Quarter)
            {
                break;
            }
            run.Add(report);
        }
        return run;
    }
}
