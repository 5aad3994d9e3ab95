using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OspBot.Teams.Schema;

namespace OspBot.Tests.Schemas;

/// Validates activities against the Bot Framework protocol schema, and every Adaptive Card attachment
/// in them against <see cref="AdaptiveCardSchema"/>.
internal static class ActivitySchema
{
    public const string FileName = "botframework.activity-protocol.json";

    public static IReadOnlyList<string> Validate(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Validate(ToJson(activity));
    }

    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    public static IReadOnlyList<string> Validate(JsonElement activity)
    {
        List<string> errors = [.. SchemaErrors.Flatten(SchemaFiles.Load(FileName, AddRoot).Validate(activity.GetRawText()))];
        if (activity.ValueKind == JsonValueKind.Object
            && activity.TryGetProperty("attachments", out var attachments)
            && attachments.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var attachment in attachments.EnumerateArray())
            {
                errors.AddRange(CardErrors(attachment).Select(e => $"attachments[{i}].content: {e}"));
                i++;
            }
        }

        return errors;
    }

    public static void AssertValid(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        AssertValid(ToJson(activity));
    }

    public static void AssertValid(JsonElement activity)
    {
        var errors = Validate(activity);
        if (errors.Count > 0)
        {
            Assert.Fail($"Activity is not valid:\n  {string.Join("\n  ", errors)}\n{AdaptiveCardSchema.Excerpt(activity)}");
        }
    }

    // TeamsJson's own Activity metadata currently throws (source-generated [JsonExtensionData] with an init
    // accessor, dotnet/runtime#107898), so serialize with TeamsJson's options through reflection: same JSON shape.
    private static JsonElement ToJson(Activity activity) =>
        JsonSerializer.SerializeToElement(activity, ReflectionOptions);

    private static readonly JsonSerializerOptions ReflectionOptions =
        new(TeamsJson.Default.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static IEnumerable<string> CardErrors(JsonElement attachment) =>
        attachment.ValueKind == JsonValueKind.Object
        && attachment.TryGetProperty("contentType", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == Attachment.AdaptiveCardContentType
            ? attachment.TryGetProperty("content", out var content)
                ? AdaptiveCardSchema.Validate(content)
                : ["missing"]
            : [];

    // The file is a bag of definitions without a root. Validate through Activity, and hold "type" to the
    // schema's own ActivityTypes list, which Activity itself leaves as any string.
    internal static string AddRoot(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["allOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/definitions/Activity" },
            new JsonObject { ["properties"] = new JsonObject { ["type"] = new JsonObject { ["$ref"] = "#/definitions/ActivityTypes" } } });
        return root.ToJsonString();
    }
}
