using System.Diagnostics;
using System.IO.Compression;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Manifest;

/// Runs the documented package command for real: dotnet run manifest/build-package.cs -- ...
public sealed class PackageBuildTests
{
    [Fact]
    public async Task Build_command_writes_a_valid_package_with_the_ids_filled_in()
    {
        var output = Path.Combine(Path.GetTempPath(), $"ospbot-{Guid.NewGuid():N}.zip");
        try
        {
            var (exitCode, log) = await RunAsync(
                "--app-id", ManifestFiles.AppId, "--bot-id", ManifestFiles.BotId, "--domain", ManifestFiles.Domain, "--out", output);
            Assert.True(exitCode == 0, log);

            using var zip = ZipFile.OpenRead(output);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            TeamsManifestSchema.AssertValid(manifest);
            Assert.Equal(ManifestFiles.Filled(), manifest);
            Assert.Equal(ManifestFiles.Icon("outline.png"), Read(zip, "outline.png"));
            Assert.Equal(ManifestFiles.Icon("color.png"), Read(zip, "color.png"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--domain", "ospbot.example.org")]
    [InlineData("--app-id", "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "--domain", "https://ospbot.example.org/api")]
    [InlineData("--app-id", "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    public async Task Build_command_refuses_bad_arguments(params string[] args)
    {
        var (exitCode, log) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", log, StringComparison.Ordinal);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(params string[] args)
    {
        // The dotnet CLI tells child processes where it lives; fall back to PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = SchemaFiles.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["run", "manifest/build-package.cs", "--", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
