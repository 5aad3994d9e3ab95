using System.Text.Json;

namespace OspBot.Teams.Connector;

/// Reads the connector's error bodies. The documented envelope is {"error":{"code","message"}}, but Teams also
/// answers {"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",...}"}: the useful code is a JSON
/// document inside the message string. The most specific code found wins.
internal static class ConnectorErrors
{
    // Teams' numeric errorCode for a thread blocked from message writes, used when no sub-code is given.
    private const int MessageWritesBlockedNumber = 209;

    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object
                    ? inner
                    : doc.RootElement;

            var code = String(error, "code");
            var message = String(error, "message");
            if (TryParseNested(message, out var subCode, out var details))
            {
                code = subCode ?? code;
                message = details ?? message;
            }

            if (code is null && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("errorCode", out var number)
                && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var n) && n == MessageWritesBlockedNumber)
            {
                code = "MessageWritesBlocked";
            }

            return (code, message);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep a bounded excerpt for the log.
            return (null, body.Length > 500 ? body[..500] : body);
        }
    }

    private static bool TryParseNested(string? message, out string? subCode, out string? details)
    {
        subCode = details = null;
        if (message is null || !message.TrimStart().StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var nested = JsonDocument.Parse(message);
            var root = nested.RootElement;
            subCode = String(root, "subCode") ?? String(root, "code") ?? String(root, "errorCode");
            details = String(root, "details") ?? String(root, "message");
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : null;
}
