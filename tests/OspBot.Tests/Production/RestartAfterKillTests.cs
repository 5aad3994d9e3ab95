using Microsoft.EntityFrameworkCore;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Reports;

namespace OspBot.Tests.Production;

/// Issue 6: one instance killed with SIGKILL in the middle of its work, then started again on the same database:
/// everything completes, nothing is duplicated. One case per kind of work (the reminder batch: ReminderBatchKillTests).
[Collection(PostgresTests.Name)]
public sealed class RestartAfterKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int People = 200;

    [Fact]
    public async Task Killed_mid_dispatch_and_restarted_every_prompt_goes_out_at_most_once_and_only_sends_in_flight_are_in_doubt()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        connector.Respond = ProductionWorld.AnswerNamingTheConversation;
        connector.ResponseDelay = TimeSpan.FromMilliseconds(100);

        await using var run = await CrashAndRestart.StartAsync(database, output, ct);
        await ProductionWorld.SeedLeadsAsync(database, connector.ServiceUrl, People, ct);
        await ProductionWorld.OpenRoundAsync(database, ct);
        await connector.WaitUntilAsync(_ => ProductionWorld.Proactive(connector).Count >= 40, "40 proactive messages", ct, TimeSpan.FromSeconds(60));
        var (killedAt, deliveredBeforeKill) = (await run.KillAndRestartAsync(ct), ProductionWorld.Proactive(connector).Count);

        var prompts = await run.GuardAsync(() => ProductionWorld.SettledPromptsAsync(database, People, TimeSpan.FromSeconds(120), ct));

        var ambiguousArrived = ProductionWorld.AssertDeliveredAtMostOnce(prompts, connector, People, killedAt);
        Assert.True(deliveredBeforeKill < People, "the kill landed after the round was sent");
        var ambiguous = prompts.Count(p => p.State == DeliveryState.Ambiguous);
        Assert.InRange(ambiguous, 0, OutboxDispatcher.ParallelSends);
        output.WriteLine($"killed after {deliveredBeforeKill} prompts; sent={People - ambiguous}; ambiguous={ambiguous}, of which reached the connector={ambiguousArrived}");
    }

    [Fact]
    public async Task Killed_mid_compilation_and_restarted_the_report_completes_once()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        // Each progress update of the card takes this long: the compilation spans several of them.
        connector.ResponseDelay = TimeSpan.FromMilliseconds(500);

        await using var run = await CrashAndRestart.StartAsync(database, output, ct);
        await LinkSecretariatAsync(database, ct);
        using (var response = await run.Http.PostAsync(new Uri(run.Instance.Url, "/api/messages"),
            Activities.Json(Activities.Message(connector.ServiceUrl, "compile report 2024/25")), ct))
        {
            response.EnsureSuccessStatusCode();
        }

        await connector.WaitUntilAsync(_ => connector.Requests.Any(r => r.Method == "PUT"), "the progress card's update (PUT)", ct, TimeSpan.FromSeconds(60));
        Assert.Equal(CompilationState.Running, (await CompilationsAsync(database, ct)).Single().State);
        await run.KillAndRestartAsync(ct);

        var done = await run.GuardAsync(async () =>
        {
            await connector.WaitUntilAsync(_ => connector.Requests.Any(IsResult), "the result card", ct, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            return await CompilationsAsync(database, ct);
        });

        var compilation = Assert.Single(done);
        Assert.Equal((CompilationState.Succeeded, 1), (compilation.State, compilation.Version));
        Assert.NotNull(compilation.ResultSentAt);
        Assert.Single(connector.Requests, IsResult);
        Assert.Single(connector.Requests, r => r.Method == "POST");
    }

    private static bool IsResult(ConnectorRequest r) =>
        r.Method == "PUT" && r.Body!.Value.GetRawText().Contains(ReportWorld.ReadyHeading, StringComparison.Ordinal);

    private static async Task LinkSecretariatAsync(string database, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(database);
        var person = await db.People.Where(p => p.IsSecretariat && !p.IsVacant).OrderBy(p => p.Id).FirstAsync(ct);
        person.EntraObjectId = Activities.UserAadId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<ReportCompilation>> CompilationsAsync(string database, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(database);
        return await db.ReportCompilations.AsNoTracking().Where(c => c.FinancialYear == 2024).ToListAsync(ct);
    }
}

/// One bot instance that a test kills with SIGKILL and starts again under the same name (so the scheduler also
/// recovers its own interrupted jobs at once); on failure, both lives' output goes to the test log.
internal sealed class CrashAndRestart : IAsyncDisposable
{
    private const string Name = "bot-1";
    private readonly Dictionary<string, string?> _settings;
    private readonly ITestOutputHelper _output;
    private readonly List<BotInstance> _lives = [];

    private CrashAndRestart(Dictionary<string, string?> settings, ITestOutputHelper output)
    {
        _settings = settings;
        _output = output;
    }

    public HttpClient Http { get; } = new();

    public BotInstance Instance => _lives[^1];

    /// <param name="settings">Added to the shared settings (environment variable names, e.g. Mail__PickupFolder).</param>
    public static async Task<CrashAndRestart> StartAsync(
        string database, ITestOutputHelper output, CancellationToken ct, params (string Key, string Value)[] settings)
    {
        var shared = BotInstance.SharedSettings(database);
        foreach (var (key, value) in settings)
        {
            shared[key] = value;
        }
        var run = new CrashAndRestart(shared, output);
        await run.GuardAsync(() => run.StartLifeAsync(ct));
        return run;
    }

    /// Kills the running instance and starts it again; returns when it was killed.
    public async Task<DateTimeOffset> KillAndRestartAsync(CancellationToken ct)
    {
        await Instance.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await GuardAsync(() => StartLifeAsync(ct));
        return killedAt;
    }

    /// Runs a step, writing the instances' output to the test log if it fails.
    public async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return await step();
        }
        catch
        {
            foreach (var life in _lives)
            {
                _output.WriteLine(life.Describe());
            }

            throw;
        }
    }

    private async Task<bool> StartLifeAsync(CancellationToken ct)
    {
        _lives.Add(BotInstance.Start(Name, _settings));
        await Instance.WaitHealthyAsync(Http, ct);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var life in _lives)
        {
            await life.DisposeAsync();
        }

        Http.Dispose();
    }
}
