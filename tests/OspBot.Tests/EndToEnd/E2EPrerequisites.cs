namespace OspBot.Tests.EndToEnd;

/// Finds what the end-to-end tests run on: the repository's playground kit, node, and Debian's Chromium.
/// Nothing is built or downloaded here; a missing piece makes the test report SKIPPED (and .ci/run fails on that).
internal static class E2EPrerequisites
{
    public const string Chromium = "/usr/bin/chromium";

    private const string Advice = "run .ci/run, or apt-get install chromium nodejs npm and npm ci in bot/playground";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PlaygroundDir => Path.Combine(RepositoryRoot, "bot", "playground");

    public static string PlaygroundCli =>
        Path.Combine(PlaygroundDir, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    /// The bot as built into this test's output folder (the test project references bot/OspBot).
    public static string BotDll => Path.Combine(AppContext.BaseDirectory, "OspBot.dll");

    public static string? Node { get; } = FindOnPath("node");

    /// Null when the bot and the playground can run; otherwise what is missing and how to get it.
    public static string? MissingForPlayground()
    {
        if (Node is null)
        {
            return $"End-to-end test skipped: node missing ({Advice}).";
        }

        return File.Exists(PlaygroundCli)
            ? null
            : $"End-to-end test skipped: {PlaygroundCli} missing ({Advice}).";
    }

    /// As <see cref="MissingForPlayground"/>, and Chromium as well for the tests that drive the UI.
    public static string? MissingForBrowser() =>
        MissingForPlayground() ?? (File.Exists(Chromium) ? null : $"End-to-end test skipped: {Chromium} missing ({Advice}).");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OspBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OspBot.sln not found above {AppContext.BaseDirectory}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
