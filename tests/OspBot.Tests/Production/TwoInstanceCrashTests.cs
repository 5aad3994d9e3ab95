using Microsoft.EntityFrameworkCore;
using Npgsql;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// Issue 6: two real bot processes on one PostgreSQL database; the one dispatching a round is killed with SIGKILL.
[Collection(PostgresTests.Name)]
public sealed class TwoInstanceCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int People = 200;

    [Fact]
    public async Task Two_instances_migrate_once_and_when_the_dispatching_one_is_killed_the_other_delivers_every_prompt_at_most_once()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        connector.Respond = ProductionWorld.AnswerNamingTheConversation;
        // A slow Teams: sends overlap, so the kill lands with some in flight.
        connector.ResponseDelay = TimeSpan.FromMilliseconds(100);
        var settings = BotInstance.SharedSettings(database);
        await using var a = BotInstance.Start("bot-a", settings);
        await using var b = BotInstance.Start("bot-b", settings);
        using var http = new HttpClient();
        try
        {
            await Task.WhenAll(a.WaitHealthyAsync(http, ct), b.WaitHealthyAsync(http, ct));
            Assert.Single(new[] { a, b }, i => i.Output.Contains("database migration(s)", StringComparison.Ordinal));
            await using (var db = TestDatabases.Postgres(database))
            {
                Assert.Equal(db.Database.GetMigrations().Count(), await MigrationCountAsync(database, ct));
            }

            await ProductionWorld.SeedLeadsAsync(database, connector.ServiceUrl, People, ct);
            await ProductionWorld.OpenRoundAsync(database, ct);
            await connector.WaitUntilAsync(_ => ProductionWorld.Proactive(connector).Count >= 40, "40 proactive messages", ct, TimeSpan.FromSeconds(60));
            var dispatching = await ProductionWorld.DispatchingInstanceAsync(database, ct);
            var (victim, survivor) = dispatching == a.Name ? (a, b) : (b, a);
            Assert.Equal(victim.Name, dispatching);
            await victim.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            var deliveredBeforeKill = ProductionWorld.Proactive(connector).Count;

            var prompts = await ProductionWorld.SettledPromptsAsync(database, People, TimeSpan.FromSeconds(120), ct);

            var ambiguousArrived = ProductionWorld.AssertDeliveredAtMostOnce(prompts, connector, People, killedAt);
            Assert.True(deliveredBeforeKill < People, "the kill landed after the round was sent");
            Assert.False(survivor.HasExited);
            // Only sends in flight at the kill may be in doubt; whatever was claimed but not started went out later.
            var ambiguous = prompts.Count(p => p.State == DeliveryState.Ambiguous);
            Assert.InRange(ambiguous, 0, OutboxDispatcher.ParallelSends);
            Assert.Equal(People - ambiguous, prompts.Count(p => p.State == DeliveryState.Sent));
            Assert.True(ProductionWorld.Proactive(connector).Count > deliveredBeforeKill, "the survivor sent nothing");
            output.WriteLine($"killed {victim.Name} after {deliveredBeforeKill} prompts; sent={People - ambiguous}; ambiguous={ambiguous}, of which reached the connector={ambiguousArrived}");
        }
        catch
        {
            output.WriteLine(a.Describe());
            output.WriteLine(b.Describe());
            throw;
        }
    }

    private static async Task<int> MigrationCountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }
}
