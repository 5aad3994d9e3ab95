using System.Diagnostics;
using System.Globalization;

namespace OspBot.Bench.Soak;

/// One bot process (the Release build), its output in a log file, its resident memory sampled from /proc.
internal sealed class BotInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<(double Minute, double RssMb)> _rss = [];

    private BotInstance(string name, Uri url, Process process, StreamWriter log)
    {
        Name = name;
        Url = url;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public Uri Url { get; }

    /// Error lines since <see cref="StartCounting"/>; those of start-up are kept apart.
    public int ErrorLines { get; private set; }

    public int StartupErrorLines { get; private set; }

    /// Start-up is over: error lines from now on count against the run.
    public void StartCounting()
    {
        lock (_log)
        {
            StartupErrorLines = ErrorLines;
            ErrorLines = 0;
        }
    }

    public IReadOnlyList<(double Minute, double RssMb)> Rss => _rss;

    public static BotInstance Start(string name, string botDll, int port, string logFile, IReadOnlyDictionary<string, string> env)
    {
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(botDll);
        info.Environment["ASPNETCORE_URLS"] = url.ToString();
        info.Environment["Urls"] = url.ToString();
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var instance = new BotInstance(name, url, process, log);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    public async Task WaitHealthyAsync(HttpClient http, CancellationToken ct)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start-up; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/healthz"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{Name} never became healthy.");
    }

    /// Resident set size now, in MB (VmRSS), kept with the minute it was read.
    public void SampleRss(double minute)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (line is not null)
        {
            var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            _rss.Add((minute, kb / 1024));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as an orchestrator would: the bot drains and exits.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // The console logger marks errors "fail:" and critical events "crit:".
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                ErrorLines++;
            }

            _log.WriteLine(line);
        }
    }
}
