using System.Text.RegularExpressions;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Manifest;

/// The committed manifest template and icons, and the placeholders the package build fills.
internal static partial class ManifestFiles
{
    public static readonly string Directory = Path.Combine(SchemaFiles.RepoRoot, "manifest");

    public const string AppId = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    public const string BotId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    public const string Domain = "ospbot.example.org";

    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["${{TEAMS_APP_ID}}"] = AppId,
        ["${{BOT_ID}}"] = BotId,
        ["${{BOT_DOMAIN}}"] = Domain,
    };

    public static string Template() => File.ReadAllText(Path.Combine(Directory, "manifest.json"));

    public static byte[] Icon(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// Fills the placeholders the way manifest/build-package.cs does.
    public static string Filled() =>
        Placeholders.Aggregate(Template(), (json, p) => json.Replace(p.Key, p.Value, StringComparison.Ordinal));

    public static IEnumerable<string> PlaceholdersIn(string json) => PlaceholderPattern().Matches(json).Select(m => m.Value);

    [GeneratedRegex(@"\$\{\{\w+\}\}")]
    private static partial Regex PlaceholderPattern();
}
