using System.Collections.Concurrent;
using NJsonSchema;

namespace OspBot.Tests.Schemas;

/// Finds and caches the official schemas in shared/schemas (read-only copies of Microsoft's files).
internal static class SchemaFiles
{
    private const string OverrideVariable = "OSPBOT_SCHEMAS_DIR";

    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<string> Directory = new(FindSchemasDirectory);
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Cache = new();

    /// The folder holding OspBot.sln.
    public static string RepoRoot => Root.Value;

    public static string SchemasDirectory => Directory.Value;

    public static string PathOf(string fileName) => Path.Combine(SchemasDirectory, fileName);

    /// Parsing a schema takes a few hundred milliseconds: each is loaded once per test run.
    /// <paramref name="adapt"/> changes the text before parsing (one adaptation per file).
    public static JsonSchema Load(string fileName, Func<string, string>? adapt = null) =>
        Cache.GetOrAdd(adapt is null ? fileName : $"{fileName} adapted", _ => new Lazy<JsonSchema>(() => Parse(PathOf(fileName), adapt))).Value;

    // NJsonSchema only offers async loading; Task.Run keeps the wait off any test synchronization context.
    private static JsonSchema Parse(string path, Func<string, string>? adapt)
    {
        var json = File.ReadAllText(path);
        return Task.Run(() => JsonSchema.FromJsonAsync(adapt is null ? json : adapt(json), path)).GetAwaiter().GetResult();
    }

    /// The repository root is the folder with OspBot.sln; the schemas live in ../shared/schemas beside it
    /// (or in shared/schemas of any folder above, so git worktrees find them too), unless OSPBOT_SCHEMAS_DIR says otherwise.
    private static string FindSchemasDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var root = new DirectoryInfo(RepoRoot);
        for (var dir = root; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas");
            if (File.Exists(Path.Combine(candidate, "adaptive-card.1.5.0.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"shared/schemas not found beside or above {root.FullName}; set {OverrideVariable} to the folder holding the schemas.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OspBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OspBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
