using System.Text.Json;
using System.Text.Json.Nodes;
using OspBot.Teams.Schema;

namespace OspBot.Tests.Fakes;

/// Teams-shaped activities for tests, as in section 12 of the protocol spec.
public static class Activities
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string BotId = "28:bbbbbbbb-0000-0000-0000-00000000b0b0";
    public const string UserAadId = "aaaaaaaa-0000-0000-0000-000000000001";

    /// A plain message for the connector client to send; a new one each time, because sending fills in its addresses.
    public static Activity Hello => new() { Type = "message", Text = "hello" };

    public static JsonObject Message(Uri serviceUrl, string text, string? id = null, string conversationId = "a:1XyzPersonal",
        string fromAad = UserAadId) => new()
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-01-07T06:00:00Z",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:1AbcUser", ["name"] = "Ada Lovelace", ["aadObjectId"] = fromAad },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "OspBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-GB",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };

    public static JsonObject PersonalInstall(Uri serviceUrl, string fromAad = UserAadId) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = "29:1AbcUser", ["aadObjectId"] = fromAad },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "OspBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:1XyzPersonal", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = "29:1AbcUser", ["aadObjectId"] = fromAad }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static JsonObject Invoke(Uri serviceUrl, string name, JsonNode? value) => new()
    {
        ["type"] = "invoke",
        ["name"] = name,
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = "29:1AbcUser", ["name"] = "Ada Lovelace", ["aadObjectId"] = UserAadId },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = "a:1XyzPersonal", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["replyToId"] = "1767765488332",
        ["value"] = value,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static StringContent Json(JsonNode activity) => new(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
