using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OspBot.Tests.Production;

/// Builds of OspBot that tests run as processes besides their own: the current source published self-contained, as an
/// operator deploys it, and the release just before the newest migration, built from the repository's history.
internal static class Builds
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "ospbot-test-builds");

    /// The repository the tests were built from (the folder holding OspBot.sln).
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OspBot.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// `dotnet publish bot/OspBot -c Release -r {this machine} --self-contained` into a new folder; the OspBot executable.
    public static async Task<string> PublishSelfContainedAsync(string repository, CancellationToken ct)
    {
        var output = Directory.CreateTempSubdirectory("ospbot-published-").FullName;
        await RunAsync("dotnet", ["publish", Path.Combine(repository, "bot", "OspBot"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "-o", output, "-nologo"], repository, ct);
        return Path.Combine(output, OperatingSystem.IsWindows() ? "OspBot.exe" : "OspBot");
    }

    /// The commit before the one that added the newest PostgreSQL migration, and its OspBot.dll (built once per commit
    /// and kept under the temp folder). Null with the reason when there is no git history to build from.
    public static async Task<(string? Dll, string Commit, string NewestMigration, string? Missing)> BeforeNewestMigrationAsync(string repository, CancellationToken ct)
    {
        var migrations = Path.Combine(repository, "bot", "OspBot.Core", "Data", "Migrations", "Postgres");
        var newest = Directory.GetFiles(migrations, "2*.cs").Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Last();
        var name = Path.GetFileNameWithoutExtension(newest);
        if (!Directory.Exists(Path.Combine(repository, ".git")) && !File.Exists(Path.Combine(repository, ".git")))
        {
            return (null, "", name, $"{repository} is not a git checkout, so the release before migration {name} cannot be built.");
        }

        // Along main's own line (--first-parent -m): a migration that came in with a merge was added by the merge, and
        // the release before it is the merge's first parent.
        var added = (await RunAsync("git", ["log", "--first-parent", "-m", "--diff-filter=A", "--format=%H", "-n", "1", "--", Path.GetRelativePath(repository, newest)], repository, ct)).Trim();
        // Not committed yet: the last commit is the release before it.
        var commit = (await RunAsync("git", ["rev-parse", added.Length > 0 ? added + "^" : "HEAD"], repository, ct)).Trim();
        var folder = Path.Combine(Cache, commit);
        var dll = Path.Combine(folder, "out", "OspBot.dll");
        if (File.Exists(Path.Combine(folder, "built")))
        {
            return (dll, commit, name, null);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        var archive = Path.Combine(folder, "source.tar");
        await RunAsync("git", ["archive", "--format=tar", "-o", archive, commit], repository, ct);
        await RunAsync("tar", ["-xf", archive, "-C", source], folder, ct);
        await RunAsync("dotnet", ["publish", Path.Combine(source, "bot", "OspBot"), "-c", "Release", "-o", Path.Combine(folder, "out"), "-nologo"], source, ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "built"), commit, ct);
        return (dll, commit, name, null);
    }

    private static async Task<string> RunAsync(string file, string[] args, string workingDirectory, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(new StringBuilder()
                .Append(file).Append(' ').AppendJoin(' ', args).Append(" exited with ").Append(process.ExitCode).AppendLine(":")
                .AppendLine(output).Append(await stderr).ToString());
        }
        return output;
    }
}
