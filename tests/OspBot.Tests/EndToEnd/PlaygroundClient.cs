using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OspBot.Tests.EndToEnd;

/// The mock Teams data the playground serves (from bot/playground/.m365agentsplayground.yml).
public sealed record PlaygroundConfig(string TenantId, string BotId, string CurrentUserId, string PersonalChatId, string GroupChatId, string TeamId);

/// The user's message as the playground accepted it; bot replies carry later timestamps.
public sealed record PostedMessage(string MessageId, long Timestamp);

/// The playground's own back end, which its UI calls: send as the current user, install, read what the bot sent.
public sealed class PlaygroundClient : IDisposable
{
    private readonly HttpClient _http;

    private PlaygroundClient(HttpClient http, Uri baseUrl, PlaygroundConfig config)
    {
        _http = http;
        BaseUrl = baseUrl;
        Config = config;
    }

    public Uri BaseUrl { get; }

    public PlaygroundConfig Config { get; }

    internal static async Task<PlaygroundClient> ConnectAsync(HttpClient http, Uri baseUrl, CancellationToken ct)
    {
        var json = await http.GetFromJsonAsync<JsonNode>(new Uri(baseUrl, "/_internal/v1/testConfig"), ct)
            ?? throw new InvalidOperationException("Empty /_internal/v1/testConfig");
        var c = json["config"]!;
        var config = new PlaygroundConfig(
            TenantId: (string)c["tenantId"]!,
            BotId: (string)c["bot"]!["id"]!,
            CurrentUserId: (string)c["currentUser"]!["id"]!,
            PersonalChatId: (string)c["personalChat"]!["id"]!,
            GroupChatId: (string)c["groupChats"]![0]!["id"]!,
            TeamId: (string)c["teams"]![0]!["id"]!);
        return new PlaygroundClient(http, baseUrl, config);
    }

    /// The current user types <paramref name="text"/> in the personal chat (delivered to the bot like the UI does).
    public Task<PostedMessage> SendTextAsync(string text, CancellationToken ct) =>
        SendTextAsync(Config.PersonalChatId, text, ct);

    public async Task<PostedMessage> SendTextAsync(string conversationId, string text, CancellationToken ct)
    {
        var url = new Uri(BaseUrl, $"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages");
        using var response = await _http.PostAsJsonAsync(url, new { from = new { id = Config.CurrentUserId }, text, textFormat = "plain" }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(ct);
        return new PostedMessage((string)body!["messageId"]!, (long)body["timestamp"]!);
    }

    /// What the UI does on every page load: installationUpdate (add) and conversationUpdate (membersAdded) to the bot.
    public async Task InstallAsync(CancellationToken ct)
    {
        var url = new Uri(BaseUrl, $"/_debug/conversation/{Uri.EscapeDataString(Config.PersonalChatId)}/installation");
        using var response = await _http.PostAsJsonAsync(url, new { }, ct);
        response.EnsureSuccessStatusCode();
    }

    /// What the bot posts to the playground's connector, as the UI receives it. Open it before acting.
    public Task<PlaygroundFeed> OpenFeedAsync(CancellationToken ct) =>
        PlaygroundFeed.ConnectAsync(new Uri($"ws://{BaseUrl.Authority}/_ws_conversation/v1/conversations/stream"), Config.BotId, ct);

    public void Dispose()
    {
        // The HttpClient belongs to the fixture.
    }
}
