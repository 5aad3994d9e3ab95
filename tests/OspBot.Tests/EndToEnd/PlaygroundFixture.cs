using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.EndToEnd;

/// OspBot and Microsoft's local Teams client (Agents Playground) as real processes on free loopback ports:
/// the bot from this test's build output on a throwaway SQLite file, with no MicrosoftAppId (auth off), and the
/// playground from bot/playground/node_modules with the repository's mock Teams data. One per test class.
/// Derive to give the bot more settings (e.g. a Directory:SeedFile that links the mock user to an OSP role).
public class PlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _workDir = Directory.CreateTempSubdirectory("ospbot-e2e-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private PlaygroundClient? _client;

    /// Why the environment cannot run here (tests then call Assert.Skip), or null.
    public string? Missing { get; } = E2EPrerequisites.MissingForPlayground();

    public Uri BotUrl { get; private set; } = null!;

    public Uri PlaygroundUrl { get; private set; } = null!;

    /// The playground's HTTP and WebSocket API: what the UI does, headlessly.
    public PlaygroundClient Client => _client ?? throw new InvalidOperationException(Missing ?? "Not started.");

    /// Where the bot's database and any files a derived fixture writes live; deleted afterwards.
    protected string WorkDir => _workDir;

    private string PlaygroundLogFile => Path.Combine(_workDir, "devTools", "m365agentsplayground.log");

    public async ValueTask InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(StartTimeout);
        try
        {
            await StartBotAsync(cts.Token);
            await StartPlaygroundAsync(cts.Token);
        }
        catch (Exception e)
        {
            var logs = await StopAndCollectLogsAsync();
            throw new InvalidOperationException($"End-to-end environment failed to start: {e.Message}\n{logs}", e);
        }
    }

    /// Extra configuration for the bot, as environment variables (Section__Key); null removes a variable.
    protected virtual IEnumerable<KeyValuePair<string, string?>> BotSettings() => [];

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await StopAndCollectLogsAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run for it is not.
        }
    }

    /// Both processes' output and the playground's own log (where it writes when stdout is not a TTY).
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var child in new[] { _bot, _playground })
        {
            if (child is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"----- {child.Name} (pid {child.Id}, exit {child.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "running"}) -----\n{child.Output}");
            }
        }

        if (File.Exists(PlaygroundLogFile))
        {
            text.Append(CultureInfo.InvariantCulture, $"----- {PlaygroundLogFile} -----\n{File.ReadAllText(PlaygroundLogFile)}");
        }

        return text.ToString();
    }

    private async Task StartBotAsync(CancellationToken ct)
    {
        BotUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = new Dictionary<string, string?>
        {
            // Both: appsettings.json's "Urls" outranks ASPNETCORE_URLS; a plain Urls variable outranks appsettings.json.
            ["ASPNETCORE_URLS"] = BotUrl.ToString(),
            ["Urls"] = BotUrl.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_workDir, "osp.db")}",
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
        };
        foreach (var (key, value) in BotSettings())
        {
            env[key] = value;
        }

        _bot = ChildProcess.Start("ospbot", "dotnet", [E2EPrerequisites.BotDll], AppContext.BaseDirectory, env);
        await WaitUntilAsync(_bot, new Uri(BotUrl, "/healthz"), ct);
    }

    private async Task StartPlaygroundAsync(CancellationToken ct)
    {
        var port = FreePort();
        PlaygroundUrl = new Uri($"http://localhost:{port}");
        // Its own cwd so its devTools/ log is ours alone; the mock Teams data comes from the repository.
        _playground = ChildProcess.Start("playground", E2EPrerequisites.Node!,
            [E2EPrerequisites.PlaygroundCli, "start", "-e", new Uri(BotUrl, "/api/messages").ToString(), "-c", "msteams", "--dt", "-p", $"{port}"],
            _workDir, new Dictionary<string, string?>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none", // else it spawns xdg-open
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(E2EPrerequisites.PlaygroundDir, ".m365agentsplayground.yml"),
            });
        await WaitUntilAsync(_playground, new Uri($"http://127.0.0.1:{port}/_debug/ping"), ct);
        // If the port was taken meanwhile it silently listens elsewhere; a bad config prints "Listening" then exits 1.
        var log = File.Exists(PlaygroundLogFile) ? await File.ReadAllTextAsync(PlaygroundLogFile, ct) : "";
        if (!log.Contains($"Listening on {port}", StringComparison.Ordinal) || log.Contains("Failed to start", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The playground did not start cleanly on port {port}.");
        }

        _client = await PlaygroundClient.ConnectAsync(_http, new Uri($"http://127.0.0.1:{port}"), ct);
        if (_playground.HasExited)
        {
            throw new InvalidOperationException("The playground exited after start-up.");
        }
    }

    private Task WaitUntilAsync(ChildProcess child, Uri url, CancellationToken ct) =>
        Eventually.HealthyAsync(_http, url, () => child.HasExited ? $"{child.Name} exited with code {child.ExitCode} during start-up." : null,
            StartTimeout, ct);

    private async Task<string> StopAndCollectLogsAsync()
    {
        _client?.Dispose();
        foreach (var child in new[] { _playground, _bot })
        {
            if (child is not null)
            {
                await child.DisposeAsync();
            }
        }

        return Logs();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
