using System.Text.Json;

namespace OspBot.Tests.Schemas;

/// Validates a Teams app manifest against the v1.22 schema. The schema is draft-04 but uses "const" for
/// manifestVersion, which NJsonSchema ignores; that one is checked here.
internal static class TeamsManifestSchema
{
    public const string FileName = "MicrosoftTeams.schema.v1.22.json";
    public const string ManifestVersion = "1.22";

    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        List<string> errors = [.. SchemaErrors.Flatten(SchemaFiles.Load(FileName).Validate(json))];
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("manifestVersion", out var version)
            || version.ValueKind != JsonValueKind.String
            || version.GetString() != ManifestVersion)
        {
            errors.Add($"manifestVersion: must be \"{ManifestVersion}\"");
        }

        return errors;
    }

    public static void AssertValid(string json)
    {
        var errors = Validate(json);
        if (errors.Count > 0)
        {
            Assert.Fail($"Teams manifest is not valid against {FileName}:\n  {string.Join("\n  ", errors)}");
        }
    }
}
