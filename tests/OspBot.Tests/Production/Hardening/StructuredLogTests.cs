using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production.Hardening;

/// Issue 6: every log line of a turn carries the activity id and conversation id (TurnRunner's TurnLogScope),
/// the connector client's lines and a failing handler's too; and production can log them as JSON.
public sealed class StructuredLogTests
{
    [Fact]
    public async Task Every_line_of_a_failing_turn_carries_the_activity_and_conversation_ids()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        // Teams' server error: the handler's reply throws, the turn's error boundary logs, the apology fails too.
        connector.Respond = _ => (500, """{"error":{"code":"ServiceError","message":"boom"}}""");
        var logs = new ScopedLogs();
        await using var app = new OspBotApp()
            .With("Logging:LogLevel:System.Net.Http.HttpClient", "Information")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateClient();
        var message = Activities.Message(connector.ServiceUrl, "help", conversationId: "a:1LogScope");
        var activityId = message["id"]!.GetValue<string>();

        var startup = logs.Entries.Count;
        using (var response = await client.PostAsync("/api/messages", Activities.Json(message), ct))
        {
            response.EnsureSuccessStatusCode();
        }

        await connector.WaitForRequestsAsync(2, ct);
        var ours = logs.Entries.Skip(startup).Where(e => e.Category.StartsWith("OspBot.", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, e => e.Category.StartsWith("OspBot.Teams.Connector.", StringComparison.Ordinal));
        Assert.Contains(ours, e => e.Level == LogLevel.Error && e.Exception is not null);
        var unscoped = ours.Where(e => !Equals(e.Scope.GetValueOrDefault("ActivityId"), activityId)
            || !Equals(e.Scope.GetValueOrDefault("ConversationId"), "a:1LogScope")).ToList();
        Assert.True(unscoped.Count == 0, "lines without the turn's ids:\n" + string.Join('\n', unscoped));
        // The framework's lines written during the turn (here HttpClient's, for the connector calls) sit in the same scope.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.BotConnector", StringComparison.Ordinal)
            && Equals(e.Scope.GetValueOrDefault("ActivityId"), activityId));
    }

    [Fact]
    public async Task Logging_Console_FormatterName_json_writes_one_json_object_per_line_with_the_turn_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        // A failing reply, so the turn writes warnings and an error.
        connector.Respond = _ => (500, """{"error":{"code":"ServiceError","message":"boom"}}""");
        var folder = Directory.CreateTempSubdirectory("ospbot-jsonlog-").FullName;
        var url = new Uri($"http://127.0.0.1:{PortFinder.Free()}");
        await using var bot = ChildProcess.Start("ospbot", "dotnet", [E2EPrerequisites.BotDll], AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["Urls"] = url.ToString(),
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "osp.db")}",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["MicrosoftAppId"] = null,
        });
        using var http = new HttpClient { BaseAddress = url };
        await ChildHealth.WaitAsync(bot, http, ct);
        var message = Activities.Message(connector.ServiceUrl, "help", conversationId: "a:1JsonLog");
        using (var response = await http.PostAsync("/api/messages", Activities.Json(message), ct))
        {
            response.EnsureSuccessStatusCode();
        }

        await connector.WaitForRequestsAsync(2, ct);
        // The turn's error is logged by a child process after its last send: its output is all there is to watch.
        await Eventually.TrueAsync(
            () => bot.Output.Split('\n').Any(l => l.Contains("OspBot.Teams.Hosting.TurnRunner", StringComparison.Ordinal) && l.Contains("\"Error\"", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the turn runner's error line", ct);
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = lines.Select(l => (Line: l, Json: TryParse(l))).ToList();
        Assert.True(parsed.All(p => p.Json is not null), "not JSON:\n" + string.Join('\n', parsed.Where(p => p.Json is null).Select(p => p.Line)));
        var turnLines = parsed.Select(p => p.Json!).Where(j => j["Scopes"] is JsonArray scopes
            && scopes.OfType<JsonObject>().Any(s => s["ActivityId"]?.GetValue<string>() == message["id"]!.GetValue<string>()
                && s["ConversationId"]?.GetValue<string>() == "a:1JsonLog")).ToList();
        Assert.True(turnLines.Exists(j => j["Category"]!.GetValue<string>() == "OspBot.Teams.Hosting.TurnRunner"
            && j["LogLevel"]!.GetValue<string>() == "Error" && j["Exception"] is not null), bot.Output);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static JsonNode? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
