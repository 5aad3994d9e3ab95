using System.Globalization;
using System.Text.Json;

namespace OspBot.Members;

/// The directory card's submitted inputs: trimmed strings, blank meaning absent.
internal sealed class DirectoryInput(JsonElement? data)
{
    public string? this[string key] =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
        && v.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    public int? Id(string key) =>
        int.TryParse(this[key], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
