using System.Globalization;

namespace OspBot.Bench.Soak;

/// The figures issue 6 asks for, one "SOAK" line each, and PASS/FAIL.
internal static class Report
{
    public const string PromptSummary = "Your quarterly update to the OSP is open";

    /// True when the run passed.
    public static bool Print(Args options, Driver driver, FakeConnector connector, IReadOnlyList<BotInstance> bots)
    {
        var replies = driver.ExpectedReplies.Keys.Select(id => connector.Replies.GetValueOrDefault(id)).ToList();
        var lostReplies = driver.ExpectedReplies.Where(e => connector.Replies.GetValueOrDefault(e.Key) == 0).ToList();
        var duplicateReplies = replies.Sum(n => Math.Max(0, n - 1));
        var prompts = Enumerable.Range(0, options.Leads).Select(i => connector.Posts.GetValueOrDefault((Teams.Conversation(Teams.Lead(i)), PromptSummary))).ToList();
        var lostPrompts = prompts.Count(n => n == 0);
        var duplicatePosts = connector.Posts.Values.Sum(n => Math.Max(0, n - 1));
        var expected = driver.ExpectedReplies.Count + options.Leads;
        var sent = replies.Sum() + prompts.Sum();
        var errors = driver.Errors + bots.Sum(b => b.ErrorLines);

        Line($"duration_min={options.Minutes} requests={driver.Requests} invokes={driver.Invokes} errors={driver.Errors} bot_error_lines={string.Join('/', bots.Select(b => b.ErrorLines))} startup_error_lines={string.Join('/', bots.Select(b => b.StartupErrorLines))}");
        Line($"messages_expected={expected} messages_sent={sent} (replies {replies.Sum()}/{driver.ExpectedReplies.Count}, prompts {prompts.Sum()}/{options.Leads}) lost={lostReplies.Count + lostPrompts} duplicates={duplicateReplies + duplicatePosts}");
        // The compile command's progress card is its reply; the job replaces it (PUT) as it goes and when done.
        Line($"report_card_updates={connector.Updates.GetValueOrDefault(Teams.Conversation(Teams.Secretariat))} connector_requests={connector.Requests}");
        foreach (var bot in bots)
        {
            var peak = bot.Rss.Count == 0 ? 0 : bot.Rss.Max(s => s.RssMb);
            var half = bot.Rss.Where(s => s.Minute >= options.Minutes / 2).ToList();
            Line($"{bot.Name} rss_samples={bot.Rss.Count} peak_rss_mb={peak:F0} last_rss_mb={(bot.Rss.Count == 0 ? 0 : bot.Rss[^1].RssMb):F0} rss_slope_second_half_mb_per_min={Slope(half):F2}");
        }

        foreach (var sample in driver.ErrorSamples.Concat(lostReplies.Take(10).Select(l => $"no reply: {l.Value}")))
        {
            Line($"  {sample}");
        }

        var passed = errors == 0 && lostReplies.Count + lostPrompts == 0 && duplicateReplies + duplicatePosts == 0;
        Line(passed ? "PASS" : "FAIL");
        return passed;
    }

    /// Least-squares slope of RSS over time (MB per minute); 0 with fewer than two samples.
    private static double Slope(List<(double Minute, double RssMb)> samples)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var mx = samples.Average(s => s.Minute);
        var my = samples.Average(s => s.RssMb);
        var den = samples.Sum(s => (s.Minute - mx) * (s.Minute - mx));
        return den == 0 ? 0 : samples.Sum(s => (s.Minute - mx) * (s.RssMb - my)) / den;
    }

    private static void Line(string text) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SOAK {text}"));
}
