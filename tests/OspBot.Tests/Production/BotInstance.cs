using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// One OspBot process (the test's build output, as the end-to-end tests run it) on a shared PostgreSQL database, on
/// a loopback port of its own, with channel auth off. Killed with SIGKILL on request, or with its tree on dispose.
internal sealed class BotInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ChildProcess _process;

    private BotInstance(string name, ChildProcess process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// Settings every instance of a test shares: the database, a dispatch every second, short leases (so the
    /// survivor of a crash takes over within seconds, not minutes).
    public static Dictionary<string, string?> SharedSettings(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = connectionString,
        ["MicrosoftAppId"] = null,
        ["MicrosoftAppPassword"] = null,
        ["Jobs__Outbox__DispatchCron"] = "* * * ? * *",
        ["Outbox__ClaimLease"] = "00:00:03",
        ["Outbox__DeliveryLease"] = "00:00:10",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
    };

    /// Starts the process; <see cref="WaitHealthyAsync"/> says when it is ready. Its Quartz instance id is its name.
    /// <paramref name="program"/> is another build to run (an OspBot.dll, or a self-contained OspBot executable) in
    /// <paramref name="workingDirectory"/>; by default the test's own build.
    public static BotInstance Start(string name, IReadOnlyDictionary<string, string?> settings, string? program = null, string? workingDirectory = null)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = new Dictionary<string, string?>(settings)
        {
            // Both: appsettings.json's "Urls" outranks ASPNETCORE_URLS; a plain Urls variable outranks appsettings.json.
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["Urls"] = url.ToString(),
            ["Jobs__InstanceId"] = name,
        };
        program ??= E2EPrerequisites.BotDll;
        var process = program.EndsWith(".dll", StringComparison.Ordinal)
            ? ChildProcess.Start(name, "dotnet", [program], workingDirectory ?? AppContext.BaseDirectory, env)
            : ChildProcess.Start(name, program, [], workingDirectory ?? AppContext.BaseDirectory, env);
        return new BotInstance(name, process, url);
    }

    public Task WaitHealthyAsync(HttpClient http, CancellationToken ct) =>
        Eventually.HealthyAsync(http, new Uri(Url, "/healthz"),
            () => _process.HasExited ? $"{Name} exited with code {_process.ExitCode} during start-up:\n{Output}" : null, StartTimeout, ct);

    /// SIGKILL (Process.Kill on Linux): no shutdown code runs, as in a crash or an OOM kill.
    public ValueTask KillAsync() => _process.DisposeAsync();

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"----- {Name} (pid {_process.Id}, exit {_process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "running"}) -----\n{Output}");

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
