using System.Text.Json;
using System.Text.Json.Nodes;

namespace OspBot.Bench.Soak;

/// Teams-shaped activities and the directory seed for the soak: leads 0..n-1 and a secretariat of several people.
internal static class Teams
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";

    /// The secretariat member who opens the round and compiles the report.
    public const string Secretariat = "sec-0";

    /// Enough that each one's chat stays within Teams' per-conversation limits (1,800 messages an hour) at the
    /// mix's rate of `status` requests; one chat taking them all would be throttled by the connector's limiter.
    public const int SecretariatSize = 8;

    public static string SecretariatMember(int i) => $"sec-{i}";

    public static string Conversation(string user) => $"a:{user}";

    public static string Lead(int i) => $"lead-{i}";

    public static JsonObject Message(string serviceUrl, string user, string text) => Base("message", serviceUrl, user, Guid.NewGuid().ToString("N"))
        .With("text", text);

    public static JsonObject Install(string serviceUrl, string user)
    {
        var activity = Base("conversationUpdate", serviceUrl, user, "f:" + Guid.NewGuid().ToString("N"));
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:soak-bot" }, new JsonObject { ["id"] = $"29:{user}", ["aadObjectId"] = $"aad-{user}" });
        return activity;
    }

    public static JsonObject Execute(string serviceUrl, string user, string verb, JsonObject data)
    {
        var activity = Base("invoke", serviceUrl, user, "f:" + Guid.NewGuid().ToString("N"));
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// The data of the first Action.Execute with this verb on a card (a copy to add inputs to), or null.
    public static JsonObject? ActionData(JsonElement node, string verb)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute"
                && node.TryGetProperty("verb", out var v) && v.GetString() == verb && node.TryGetProperty("data", out var data))
            {
                return JsonNode.Parse(data.GetRawText())!.AsObject();
            }

            return node.EnumerateObject().Where(p => p.Name != "refresh").Select(p => ActionData(p.Value, verb)).FirstOrDefault(d => d is not null);
        }

        return node.ValueKind == JsonValueKind.Array ? node.EnumerateArray().Select(i => ActionData(i, verb)).FirstOrDefault(d => d is not null) : null;
    }

    /// A directory of four sub-groups, each led by a quarter of the leads, and the secretariat.
    public static string Directory(int leads)
    {
        string[] groups = ["economic-development", "stronger-communities", "zero-carbon-oxford-partnership", "safer-communities"];
        var people = new JsonArray([.. Enumerable.Range(0, SecretariatSize).Select(i => new JsonObject
        {
            ["name"] = $"Soak Secretariat {i}", ["entraObjectId"] = $"aad-{SecretariatMember(i)}", ["isSecretariat"] = true,
            ["memberships"] = new JsonArray(new JsonObject { ["group"] = "steering-group", ["role"] = "Member" }),
        })]);
        for (var i = 0; i < leads; i++)
        {
            people.Add(new JsonObject
            {
                ["name"] = $"Lead {i}", ["entraObjectId"] = $"aad-{Lead(i)}", ["email"] = $"lead{i}@example.org",
                ["memberships"] = new JsonArray(new JsonObject { ["group"] = groups[i % groups.Length], ["role"] = "Lead" }),
            });
        }

        return new JsonObject
        {
            ["groups"] = new JsonArray(
            [
                new JsonObject { ["key"] = "steering-group", ["name"] = "OSP Steering Group", ["kind"] = "SteeringGroup" },
                .. groups.Select(g => new JsonObject { ["key"] = g, ["name"] = g, ["kind"] = "SubGroup" }),
            ]),
            ["people"] = people,
        }.ToJsonString();
    }

    private static JsonObject Base(string type, string serviceUrl, string user, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = $"29:{user}", ["name"] = user, ["aadObjectId"] = $"aad-{user}" },
        ["recipient"] = new JsonObject { ["id"] = "28:soak-bot", ["name"] = "OspBot" },
        ["conversation"] = new JsonObject { ["id"] = Conversation(user), ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = "en-GB",
    };

    private static JsonObject With(this JsonObject o, string key, string value)
    {
        o[key] = value;
        return o;
    }
}
