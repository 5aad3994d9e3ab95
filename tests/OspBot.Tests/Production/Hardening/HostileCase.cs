using System.Text;
using System.Text.Json.Nodes;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Production.Hardening;

/// One hostile request and the status the bot must answer it with.
internal sealed record HostileCase(string Group, string Name, int Expected, RawRequest Request)
{
    public override string ToString() => $"{Group}: {Name} (expect {Expected})";
}

/// What the corpus needs to know of the running bot: its connector, its identity and tokens for it.
internal sealed class CorpusContext(Uri serviceUrl, DateTimeOffset now)
{
    public const string AppId = ChannelAuthHarness.AppId;
    public const string OtherTenant = "99999999-8888-7777-6666-555555555555";

    public Uri ServiceUrl { get; } = serviceUrl;

    public DateTimeOffset Now { get; } = now;

    /// The claims of a genuine Teams token for this bot and this connector.
    public TokenSpec Token => new(ChannelAuthHarness.Issuer, AppId, Now.AddMinutes(-5), Now.AddMinutes(55), ServiceUrl.ToString());

    public string ValidToken => TestSigningKey.Published.Mint(Token);

    public JsonObject Message(string text = "help") => Activities.Message(ServiceUrl, text);

    public JsonObject Invoke() => Activities.Invoke(ServiceUrl, "adaptiveCard/action",
        new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help", ["data"] = new JsonObject() } });

    public JsonObject Install() => Activities.PersonalInstall(ServiceUrl);

    /// A POST /api/messages with JSON content type, the given body and Authorization header(s).
    public static RawRequest Post(byte[] body, params string[] authorization) =>
        RawRequest.Post("/api/messages", [("Content-Type", "application/json; charset=utf-8"), .. authorization.Select(a => ("Authorization", a))], body);

    public RawRequest Post(JsonNode activity, string? token = null) =>
        Post(Encoding.UTF8.GetBytes(activity.ToJsonString()), "Bearer " + (token ?? ValidToken));

    public RawRequest PostText(string body) => Post(Encoding.UTF8.GetBytes(body), "Bearer " + ValidToken);
}
