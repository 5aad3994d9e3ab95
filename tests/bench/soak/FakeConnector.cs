using System.Collections.Concurrent;
using System.Text.Json;

namespace OspBot.Bench.Soak;

/// The Bot Connector stand-in: answers every call at once and remembers what each conversation received, so
/// the driver can tell lost and duplicated messages apart.
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// Replies by the activity they answer (POST .../activities/{replyToId}).
    public ConcurrentDictionary<string, int> Replies { get; } = new(StringComparer.Ordinal);

    /// New messages (POST .../activities) by conversation and summary: prompts, welcomes, report cards.
    public ConcurrentDictionary<(string Conversation, string Summary), int> Posts { get; } = new();

    /// Card replacements (PUT), by conversation.
    public ConcurrentDictionary<string, int> Updates { get; } = new(StringComparer.Ordinal);

    public int Requests => Volatile.Read(ref _nextId);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/amer/tenant-1/";
        return connector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var id = Interlocked.Increment(ref _nextId);
        var segments = context.Request.Path.Value!.Split('/');
        var at = Array.IndexOf(segments, "conversations");
        var conversation = at >= 0 && at + 1 < segments.Length ? segments[at + 1] : "";
        var activities = Array.IndexOf(segments, "activities");
        if (context.Request.Method == "PUT")
        {
            Updates.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        }
        else if (activities >= 0 && activities + 1 < segments.Length)
        {
            Replies.AddOrUpdate(segments[activities + 1], 1, (_, n) => n + 1);
        }
        else if (activities >= 0)
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var summary = body.RootElement.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
            Posts.AddOrUpdate((conversation, summary), 1, (_, n) => n + 1);
            Cards[conversation] = body.RootElement.Clone();
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"soak-{{id}}"}""");
    }

    /// The last new message each conversation received (a lead's prompt card holds the data its buttons send).
    public ConcurrentDictionary<string, JsonElement> Cards { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
