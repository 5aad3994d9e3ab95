using System.Net;
using Npgsql;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// Issue 17: a rolling upgrade over two instances. The old instance is a real earlier release: the source of the commit
/// before the newest migration was added, built from git history, so its model and migrations are genuinely the previous
/// ones (not today's build with a migration hidden). It keeps answering while the new release migrates the shared
/// PostgreSQL schema under the advisory lock, answers a turn on the newer schema, and an old instance that restarts
/// mid-rollout starts on the newer schema too.
[Collection(PostgresTests.Name)]
public sealed class RollingUpgradeTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task The_previous_release_keeps_serving_while_the_new_one_migrates_and_after()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var repository = Builds.RepositoryRoot() ?? throw new InvalidOperationException("OspBot.sln not found above the test output");
        var previous = await Builds.BeforeNewestMigrationAsync(repository, ct);
        if (previous.Missing is { } reason)
        {
            Assert.Skip(reason);
        }

        output.WriteLine($"previous release: {previous.Commit} (before {previous.NewestMigration})");
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        var settings = BotInstance.SharedSettings(database);
        await using var old = BotInstance.Start("old", settings, previous.Dll);
        using var http = new HttpClient();
        BotInstance? upgraded = null;
        BotInstance? restartedOld = null;
        try
        {
            await old.WaitHealthyAsync(http, ct);
            Assert.DoesNotContain(previous.NewestMigration, await AppliedMigrationsAsync(database, ct));

            // Readiness of the old instance, asked without pause from before the new one starts until it is ready.
            using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var polls = PollAsync(http, old.Url, stopPolling.Token);
            upgraded = BotInstance.Start("new", settings);
            await upgraded.WaitHealthyAsync(http, ct);
            await stopPolling.CancelAsync();
            var answers = await polls;

            Assert.Contains("database migration(s)", upgraded.Output, StringComparison.Ordinal);
            Assert.Contains(previous.NewestMigration, await AppliedMigrationsAsync(database, ct));
            Assert.True(answers.Count >= 5, $"only {answers.Count} polls during the upgrade");
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));

            // The old release still answers a turn on the newer schema, and so does the new one.
            await AssertAnswersHelpAsync(http, old, connector, "old-turn", ct);
            await AssertAnswersHelpAsync(http, upgraded, connector, "new-turn", ct);

            // An old instance that restarts mid-rollout finds no migration of its own pending and starts.
            restartedOld = BotInstance.Start("old-restarted", settings, previous.Dll);
            await restartedOld.WaitHealthyAsync(http, ct);
            Assert.False(old.HasExited);
        }
        catch
        {
            output.WriteLine(old.Describe());
            output.WriteLine(upgraded?.Describe() ?? "(new not started)");
            output.WriteLine(restartedOld?.Describe() ?? "(old not restarted)");
            throw;
        }
        finally
        {
            if (upgraded is not null)
            {
                await upgraded.DisposeAsync();
            }
            if (restartedOld is not null)
            {
                await restartedOld.DisposeAsync();
            }
        }
    }

    private static async Task<List<HttpStatusCode>> PollAsync(HttpClient http, Uri instance, CancellationToken ct)
    {
        List<HttpStatusCode> answers = [];
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(instance, "/healthz"), ct);
                answers.Add(response.StatusCode);
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
        }
        return answers;
    }

    private static async Task AssertAnswersHelpAsync(HttpClient http, BotInstance instance, FakeConnector connector, string id, CancellationToken ct)
    {
        var before = connector.Requests.Count;
        using var response = await http.PostAsync(new Uri(instance.Url, "/api/messages"),
            Activities.Json(Activities.Message(connector.ServiceUrl, "help", id: id, conversationId: $"a:{id}")), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitUntilAsync(_ => connector.Requests.Skip(before).Any(r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)), "the reply to the message", ct, TimeSpan.FromSeconds(30));
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        List<string> ids = [];
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
