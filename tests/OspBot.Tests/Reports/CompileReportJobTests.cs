using Microsoft.Extensions.DependencyInjection;
using OspBot.Jobs.Reports;
using OspBot.Reports;
using OspBot.Tests.Fakes;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Reports;

public sealed class CompileReportJobTests
{
    [Fact]
    public async Task A_compilation_left_running_by_a_crash_is_run_again_at_start_and_its_result_sent_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "ospbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "ospbot.db")}";
        try
        {
            int id;
            await using (var before = new OspBotApp().With("Database:ConnectionString", connection))
            {
                var personId = await ReportWorld.LinkUserAsync(before, secretariat: true, ct);
                await ReportWorld.SeedUpdatesAsync(before, ct);
                id = (await ReportWorld.AddCompilationAsync(before, personId, CompilationState.Running, ct, c =>
                {
                    c.ServiceUrl = connector.ServiceUrl.ToString();
                    c.ConversationId = "a:1XyzPersonal";
                    c.ProgressActivityId = "77";
                    c.Stage = "Economic Development: 3 update(s)";
                })).Id;
            }

            await using (var after = new OspBotApp().With("Database:ConnectionString", connection))
            {
                _ = after.Services; // starts the host: recovery schedules the job
                var result = await ReportWorld.WaitForCardAsync(connector, ReportWorld.ReadyHeading, ct);
                Assert.Equal("PUT", result.Method);
                Assert.EndsWith("/activities/77", result.Path, StringComparison.Ordinal);
                AdaptiveCardSchema.AssertValid(ReportWorld.CardOf(result.Body!.Value));
                // The card is seen as it reaches the connector; the bot records it as sent once Teams has answered.
                var done = await Eventually.ValueAsync(
                    async token => Assert.Single(await ReportWorld.CompilationsAsync(after, token)) is { ResultSentAt: not null } sent ? sent : null,
                    TimeSpan.FromSeconds(10), "the result card recorded as sent", ct);
                Assert.Equal(id, done.Id);
                Assert.Equal(CompilationState.Succeeded, done.State);
            }

            var sentBefore = connector.Requests.Count;
            await using (var again = new OspBotApp().With("Database:ConnectionString", connection))
            {
                await using var scope = again.Services.CreateAsyncScope();
                Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReportCompilationService>().UnfinishedAsync(ct));
                await scope.ServiceProvider.GetRequiredService<ReportCompilationRunner>().RunAsync(id, ct);
            }

            Assert.Equal(sentBefore, connector.Requests.Count);
            Assert.Single(connector.Requests, r => r.Body?.GetRawText().Contains(ReportWorld.ReadyHeading, StringComparison.Ordinal) == true);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Running_a_compilation_twice_compiles_and_delivers_once_and_versions_count_up_per_year()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Succeeded, ct, c => c.Version = 1);
        var queued = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Queued, ct, c =>
        {
            c.ServiceUrl = connector.ServiceUrl.ToString();
            c.ConversationId = "a:1XyzPersonal";
            c.ProgressActivityId = "5";
        });

        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReportCompilationRunner>().RunAsync(queued.Id, ct);
        }

        var cards = connector.Requests.Select(r => r.Body!.Value.GetRawText()).ToList();
        Assert.Single(cards, c => c.Contains(ReportWorld.ReadyHeading, StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Gathering the year", StringComparison.Ordinal));
        Assert.Equal(cards.Count, connector.Requests.Count(r => r.Method == "PUT"));
        var second = (await ReportWorld.CompilationsAsync(app, ct)).Single(c => c.Id == queued.Id);
        Assert.Equal(2, second.Version);
        Assert.Equal("OSP annual report 2024-25 (v2).docx", second.FileName);
        Assert.Contains("v2", cards[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_profile_fails_the_compilation_and_tells_the_requester()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp().With("Reports:ProfileFile", "/nonexistent/profile-{year}.json");
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        var queued = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Queued, ct, c =>
        {
            c.ServiceUrl = connector.ServiceUrl.ToString();
            c.ConversationId = "a:1XyzPersonal";
            c.ProgressActivityId = "5";
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportCompilationRunner>().RunAsync(queued.Id, ct);
        }

        var last = connector.Requests.Last();
        AdaptiveCardSchema.AssertValid(ReportWorld.CardOf(last.Body!.Value));
        Assert.Contains("could not be compiled", last.Body!.Value.GetRawText(), StringComparison.Ordinal);
        var failed = Assert.Single(await ReportWorld.CompilationsAsync(app, ct));
        Assert.Equal(CompilationState.Failed, failed.State);
        Assert.Contains("profile-2024-25.json", failed.Error, StringComparison.Ordinal);
    }
}
