// Soak benchmark (issue 6; not a test): two bot instances on one PostgreSQL database, mixed traffic spread over
// both, a round of prompts and a report compilation; prints requests, errors, lost and duplicated messages,
// and each instance's peak memory and memory trend. Started by run.sh, which creates the database.
using System.Diagnostics;
using System.Globalization;
using OspBot.Bench.Soak;

var options = Args.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
Directory.CreateDirectory(options.Work);
var seed = Path.Combine(options.Work, "directory.json");
await File.WriteAllTextAsync(seed, Teams.Directory(options.Leads), ct);

await using var connector = await FakeConnector.StartAsync();
var env = new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Database__Provider"] = "Postgres",
    ["Database__ConnectionString"] = options.Postgres,
    ["Directory__SeedFile"] = seed,
    ["DownloadLinks__KeyRingFolder"] = Path.Combine(options.Work, "keys"),
    ["Logging__LogLevel__Default"] = "Warning",
};
var bots = new List<BotInstance>();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
try
{
    // One after the other: the first migrates and seeds; the second finds it done.
    for (var i = 0; i < 2; i++)
    {
        var bot = BotInstance.Start($"bot{i + 1}", options.BotDll, options.Port + i, Path.Combine(options.Work, $"bot{i + 1}.log"), env);
        bots.Add(bot);
        await bot.WaitHealthyAsync(http, ct);
    }

    bots.ForEach(b => b.StartCounting());
    var driver = new Driver(http, bots, connector, options.Leads);
    await driver.InstallAllAsync(ct);
    var clock = Stopwatch.StartNew();
    var duration = TimeSpan.FromMinutes(options.Minutes);
    var sampler = Task.Run(async () =>
    {
        while (clock.Elapsed < duration)
        {
            bots.ForEach(b => b.SampleRss(clock.Elapsed.TotalMinutes));
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        }
    }, ct);
    var roundOpened = false;
    var compiled = false;
    await Parallel.ForEachAsync(Enumerable.Range(0, options.Workers), ct, async (worker, token) =>
    {
        var random = new Random(worker);
        while (clock.Elapsed < duration)
        {
            if (worker == 0 && !roundOpened && clock.Elapsed > duration * 0.15)
            {
                roundOpened = true;
                await driver.OpenRoundAsync(DateOnly.FromDateTime(DateTime.UtcNow), token);
            }

            if (worker == 0 && !compiled && clock.Elapsed > duration * 0.5)
            {
                compiled = true;
                await driver.CompileReportAsync(DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year - 1 : DateTime.UtcNow.Year - 2, token);
            }

            await driver.StepAsync(random, token);
            await Task.Delay(options.PauseMs, token);
        }
    });
    await sampler;

    // Let turns and the dispatch job finish what they started.
    await Task.Delay(TimeSpan.FromSeconds(20), ct);
    Environment.ExitCode = Report.Print(options, driver, connector, bots) ? 0 : 1;
}
finally
{
    foreach (var bot in bots)
    {
        await bot.DisposeAsync();
    }
}

internal sealed record Args(double Minutes, string Postgres, string BotDll, string Work, int Port, int Leads, int Workers, int PauseMs)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new(
            double.Parse(Value("--minutes") ?? "30", CultureInfo.InvariantCulture),
            Value("--postgres") ?? throw new ArgumentException("--postgres <connection string> is required"),
            Value("--bot-dll") ?? throw new ArgumentException("--bot-dll <path to OspBot.dll> is required"),
            Value("--work") ?? Path.Combine(Path.GetTempPath(), "ospbot-soak"),
            int.Parse(Value("--port") ?? "3990", CultureInfo.InvariantCulture),
            int.Parse(Value("--leads") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Value("--workers") ?? "4", CultureInfo.InvariantCulture),
            int.Parse(Value("--pause-ms") ?? "50", CultureInfo.InvariantCulture));
    }
}
