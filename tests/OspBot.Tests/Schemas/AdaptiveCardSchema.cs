using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OspBot.Cards.Model;

namespace OspBot.Tests.Schemas;

/// Validates cards against the official Adaptive Card 1.5.0 schema, plus what that schema leaves out
/// (it accepts {}): the root type and version, the Teams msteams property, and the Teams size limit.
internal static class AdaptiveCardSchema
{
    public const string FileName = "adaptive-card.1.5.0.json";

    /// Teams refuses bigger messages; the card is most of ours.
    public const int MaxBytes = 28 * 1024;

    private static readonly string[] SupportedVersions = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"];
    private static readonly string[] TeamsProperties = ["width", "entities"];

    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    public static IReadOnlyList<string> Validate(JsonElement card)
    {
        if (card.ValueKind != JsonValueKind.Object)
        {
            return [$"card: expected an object, got {card.ValueKind}"];
        }

        List<string> errors = [.. CheckRoot(card)];
        var copy = JsonNode.Parse(card.GetRawText())!.AsObject();
        // The schema does not know Teams' own msteams property (CheckRoot checked it): validate without it.
        copy.Remove("msteams");
        errors.AddRange(SchemaErrors.Flatten(SchemaFiles.Load(FileName).Validate(copy.ToJsonString())));

        var bytes = Encoding.UTF8.GetByteCount(card.GetRawText());
        if (bytes > MaxBytes)
        {
            errors.Add($"card: {bytes} bytes, over the {MaxBytes}-byte Teams limit");
        }

        return errors;
    }

    public static void AssertValid(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        AssertValid(card.ToJsonElement());
    }

    public static void AssertValid(JsonElement card)
    {
        var errors = Validate(card);
        if (errors.Count > 0)
        {
            Assert.Fail($"Adaptive Card is not valid against {FileName}:\n  {string.Join("\n  ", errors)}\n{Excerpt(card)}");
        }
    }

    private static IEnumerable<string> CheckRoot(JsonElement card)
    {
        if (!card.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "AdaptiveCard")
        {
            yield return "type: must be \"AdaptiveCard\"";
        }

        if (!card.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
            || !SupportedVersions.Contains(version.GetString()))
        {
            yield return $"version: must be a string from {string.Join(", ", SupportedVersions)}";
        }

        if (card.TryGetProperty("msteams", out var teams))
        {
            if (teams.ValueKind != JsonValueKind.Object)
            {
                yield return "msteams: must be an object";
                yield break;
            }

            foreach (var property in teams.EnumerateObject().Where(p => !TeamsProperties.Contains(p.Name)))
            {
                yield return $"msteams.{property.Name}: not a Teams card property";
            }
        }
    }

    internal static string Excerpt(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length <= 4000 ? text : text[..4000] + "…";
    }
}
