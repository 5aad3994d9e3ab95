using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OspBot.Tests.Data;

/// A throwaway PostgreSQL cluster for the tests that are about PostgreSQL: initdb into a temp folder, started on a
/// free loopback port, removed afterwards. Tests call <see cref="SkipIfUnavailable"/> first; CI installs PostgreSQL.
/// Use with [Collection(PostgresTests.Name)] and take the fixture in the constructor.
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _root;
    private string? _bin;
    private int _port;

    /// Why the cluster is not there (missing tool or failed start), or null when it is.
    public string? SkipReason { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// A new empty database in the cluster, so tests do not see each other's tables.
    public async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    public async ValueTask InitializeAsync()
    {
        _bin = FindBin();
        if (_bin is null)
        {
            SkipReason = "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or PG_BIN; install postgresql to run this test.";
            return;
        }
        if (Environment.IsPrivilegedProcess && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            SkipReason = "Running as root and runuser is missing: PostgreSQL refuses to run as root.";
            return;
        }

        _root = Directory.CreateTempSubdirectory("ospbot-pg-").FullName;
        _port = FreePort();
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:", _root], asPostgres: false);
        }
        var data = Path.Combine(_root, "data");
        var initdb = await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        var start = initdb.ExitCode == 0
            ? await RunAsync(Path.Combine(_bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(_root, "log"), "-w", "-t", "60", "-o",
                 $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"])
            : initdb;
        if (start.ExitCode != 0)
        {
            SkipReason = $"PostgreSQL did not start: {start.Output}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null || _bin is null)
        {
            return;
        }
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "stop"]);
        Directory.Delete(_root, recursive: true);
    }

    private static string? FindBin()
    {
        string[] candidates = [
            Environment.GetEnvironmentVariable("PG_BIN") ?? "",
            .. Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []];
        return candidates.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, bool asPostgres = true)
    {
        // PostgreSQL will not run as root; as root, run its tools as the postgres user instead.
        var viaRunuser = asPostgres && Environment.IsPrivilegedProcess;
        var psi = new ProcessStartInfo(viaRunuser ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (viaRunuser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                psi.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
