using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Data;
using OspBot.Rounds;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Rounds;

/// Issue 13: run.sh --demo-data starts the bot with Demo:PreviousQuarters, the playground's own demo file
/// (bot/playground/demo/previous-quarters.json, seeds 002 and 000), not a test copy. Through the real host: the earlier
/// quarters are submitted once however often the bot starts, and the next quarter's prompt asks about their plans.
public sealed class DemoQuartersTests
{
    private static readonly string DemoFolder = Path.Combine(E2EPrerequisites.PlaygroundDir, "demo");

    // Hannah Whitfield in the demo directory: the secretariat and the lead of Stronger Communities.
    private static readonly TeamsUser Hannah = new("3b9d6f1e-2a4c-4e8b-b7d0-1c5e9f3a6d20", "29:hannah", "a:hannah");

    private static readonly (string, string)[] DemoSettings =
    [
        ("Directory:SeedFile", Path.Combine(DemoFolder, "directory.json")),
        ("Demo:PreviousQuarters", Path.Combine(DemoFolder, "previous-quarters.json")),
    ];

    [Fact]
    public async Task Two_starts_submit_each_earlier_quarter_once_and_the_next_prompt_reviews_its_plans()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var wire = await RoundsWire.StartAsync(s => s.AddSingleton<ILoggerProvider>(logs), DemoSettings);
        // Logged by the name people know the sub-group by, not its key.
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Demo data: the update of Stronger Communities for Q1 2026/27 submitted (seed 002", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.StartsWith("Demo data", StringComparison.Ordinal) && e.Message.Contains("stronger-communities", StringComparison.Ordinal));
        wire.Restart(DemoSettings);

        // The wire's clock is 1 October 2026 (Q3 2026/27): seed 002 is Q1, seed 000 is Q2, both closed and submitted.
        var rounds = await wire.InScopeAsync(async sp => await sp.GetRequiredService<OspDbContext>().Rounds.AsNoTracking()
            .Include(r => r.Updates).ThenInclude(u => u.Group).Include(r => r.Updates).ThenInclude(u => u.Versions)
            .OrderBy(r => r.Quarter).ToListAsync(ct));
        Assert.Equal([(2026, 1), (2026, 2)], rounds.Select(r => (r.FinancialYearStart, r.Quarter)));
        Assert.All(rounds, r => Assert.Equal(RoundState.Closed, r.State));
        var submitted = rounds.Select(r => Assert.Single(r.Updates, u => u.SubmittedVersion is not null)).ToList();
        Assert.All(submitted, u => Assert.Equal(("stronger-communities", UpdateStatus.Submitted, false), (u.Group!.Key, u.Status, u.IsLate)));
        Assert.All(submitted, u => Assert.Single(u.Versions));
        // Dated as sent before the round's deadline, not on the day the demo was started.
        Assert.All(rounds, r => Assert.Equal(r.DeadlineAt.AddDays(-2), Assert.Single(r.Updates, u => u.SubmittedVersion is not null).SubmittedAt));
        Assert.All(submitted, u => Assert.Equal(u.SubmittedAt, u.Versions[0].SavedAt));
        Assert.StartsWith("Plans for the next 6 months and priorities for the 2019/20 year", submitted[0].Versions[0].Plans, StringComparison.Ordinal);
        Assert.StartsWith("The group will look to support the OSP Steering Group", submitted[1].Versions[0].Plans, StringComparison.Ordinal);
        // Saved as the bot saves any update: the PDF's symbol-font bullets normalised.
        Assert.DoesNotContain('\uF0B7', submitted[1].Versions[0].Achievements!);

        // Hannah opens Q3; her prompt lists last quarter's (seed 000's) plans to review.
        await wire.SayAsync(Hannah, "hi", ct);
        Assert.True(CardData.Has(Assert.Single(await wire.SayAsync(Hannah, "open round", ct)), "round.open"));
        await wire.ExecuteAsync(Hannah, "round.open", new JsonObject
        {
            ["quarter"] = "2026-Q3",
            ["meetingDate"] = "2026-11-02",
            ["promptDate"] = "2026-10-01",
        }, ct);
        await wire.DispatchAsync(ct);
        var prompt = Assert.Single(wire.ProactiveTo(Hannah)).GetRawText();
        Assert.Contains("plans: how did they go?", prompt, StringComparison.Ordinal);
        Assert.Contains("Asset mapping to inform LEP", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_file_naming_an_unknown_sub_group_stops_the_start_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("ospbot-demo-").FullName;
        var bad = Path.Combine(folder, "previous-quarters.json");
        await File.WriteAllTextAsync(bad, """
            { "updates": [ { "group": "no-such-group", "quartersAgo": 1, "rag": "Green",
              "achievements": "a", "plans": "b", "challenges": "c" } ] }
            """, TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var wire = await RoundsWire.StartAsync(DemoSettings[0], ("Demo:PreviousQuarters", bad));
        });
        Assert.Contains("no-such-group", failure.ToString(), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
