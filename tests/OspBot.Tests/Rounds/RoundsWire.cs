using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Fakes;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Rounds;

/// The bot over HTTP with a fake connector, on a SQLite file the test owns (so a second app can reopen it),
/// with the dispatch job off so tests run OutboxDispatcher themselves.
public sealed class RoundsWire : IAsyncDisposable
{
    public static readonly DateTimeOffset October1 = new(2026, 10, 1, 11, 0, 0, TimeSpan.Zero);

    public static readonly TeamsUser Sec = new("aad-sec", "29:sec", "a:sec");
    public static readonly TeamsUser LeadA = new("aad-lead-a", "29:lead-a", "a:lead-a");
    public static readonly TeamsUser LeadB = new("aad-lead-b", "29:lead-b", "a:lead-b");
    public static readonly TeamsUser Stranger = new("aad-stranger", "29:stranger", "a:stranger");

    private readonly string _folder;
    private Action<IServiceCollection>? _services;
    private int? _port;

    private RoundsWire(FakeConnector connector, string folder, ScaledClock clock)
    {
        Connector = connector;
        _folder = folder;
        Clock = clock;
    }

    public FakeConnector Connector { get; }

    public ScaledClock Clock { get; }

    public OspBotApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static Task<RoundsWire> StartAsync(params (string Key, string Value)[] settings) => StartAsync(null, settings);

    public static async Task<RoundsWire> StartAsync(Action<IServiceCollection>? services, params (string Key, string Value)[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ospbot-rounds-wire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var wire = new RoundsWire(await FakeConnector.StartAsync(), folder, new ScaledClock(October1, factor: 1)) { _services = services };
        wire.Restart(settings);
        return wire;
    }

    /// As StartAsync, the app listening on a real loopback port (Kestrel), for a browser; its links point there.
    public static async Task<RoundsWire> StartListeningAsync(params (string Key, string Value)[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ospbot-rounds-wire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var wire = new RoundsWire(await FakeConnector.StartAsync(), folder, new ScaledClock(October1, factor: 1)) { _port = FreePort() };
        wire.Restart([("DownloadLinks:PublicBaseUrl", wire.BaseAddress.AbsoluteUri), .. settings]);
        return wire;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// Where a listening app (StartListeningAsync) is reached.
    public Uri BaseAddress => new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}/"));

    /// A new app (a new process, as far as the bot knows) on the same database file.
    public void Restart(params (string Key, string Value)[] settings)
    {
        Client?.Dispose();
        App?.Dispose();
        App = new OspBotApp()
            .With("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "ospbot.db")}")
            .With("Jobs:Outbox:DispatchEnabled", "false")
            // The sample directory's people (example.org) count as the council's here: Teams only, no e-mail fallback.
            .With("Mail:TenantDomains:0", "example.org")
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock))
            .WithServices(s => _services?.Invoke(s));
        foreach (var (key, value) in settings)
        {
            App.With(key, value);
        }
        if (_port is { } port)
        {
            App.UseKestrel(port);
            App.StartServer();
        }
        Client = App.CreateClient();
    }

    /// Links the directory's secretariat and two sub-group leads (of different sub-groups) to Teams users.
    public async Task<(string GroupA, string GroupB)> LinkAsync(CancellationToken ct)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var sec = await db.People.FirstAsync(p => p.IsSecretariat && !p.IsVacant, ct);
        sec.EntraObjectId = Sec.Aad;
        var seats = await db.Memberships.Include(m => m.Person).Include(m => m.Group)
            .Where(m => m.Role == MembershipRole.Lead && m.Group!.Kind == GroupKind.SubGroup && !m.Person!.IsVacant && !m.Person.IsSecretariat)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var a = seats[0];
        var b = seats.First(m => m.GroupId != a.GroupId && m.PersonId != a.PersonId);
        a.Person!.EntraObjectId = LeadA.Aad;
        b.Person!.EntraObjectId = LeadB.Aad;
        await db.SaveChangesAsync(ct);
        return (a.Group!.Key, b.Group!.Key);
    }

    /// The secretariat asks for the open-round form and opens Q3 2026/27 with prompts due today; returns the round id.
    public async Task<int> OpenRoundAsync(CancellationToken ct)
    {
        var form = Assert.Single(await SayAsync(Sec, "open round", ct));
        Assert.True(CardData.Has(form, "round.open"));
        var status = await ExecuteAsync(Sec, "round.open", new JsonObject
        {
            ["quarter"] = "2026-Q3",
            ["meetingDate"] = "2026-11-02",
            ["promptDate"] = "2026-10-01",
        }, ct);
        Assert.Contains("Quarterly updates: Q3 2026/27", status.GetRawText(), StringComparison.Ordinal);
        return int.Parse(CardData.Of(status, "round.status")["roundId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(ct);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// Sends a typed message and returns the cards the bot replied with (in that conversation).
    public async Task<IReadOnlyList<JsonElement>> SayAsync(TeamsUser user, string text, CancellationToken ct)
    {
        var before = Connector.Requests.Count;
        var id = Guid.NewGuid().ToString("N");
        using var response = await Client.PostAsync("/api/messages", Activities.Json(MessageFrom(user, text, id)), ct);
        response.EnsureSuccessStatusCode();
        await Connector.WaitForAsync(r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal), ct);
        return [.. Connector.Requests.Skip(before).Where(r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)).Select(r => Card(r.Body!.Value))];
    }

    /// Presses an Action.Execute button; returns the card of the invoke response.
    public async Task<JsonElement> ExecuteAsync(TeamsUser user, string verb, JsonObject data, CancellationToken ct)
    {
        var invoke = Activities.Invoke(Connector.ServiceUrl, "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() }, ["trigger"] = "manual" });
        SetUser(invoke, user);
        using var response = await Client.PostAsync("/api/messages", Activities.Json(invoke), ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        var card = body.GetProperty("value");
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    public JsonObject MessageFrom(TeamsUser user, string text, string? id = null)
    {
        var message = Activities.Message(Connector.ServiceUrl, text, id);
        SetUser(message, user);
        return message;
    }

    private static void SetUser(JsonObject activity, TeamsUser user)
    {
        activity["from"] = new JsonObject { ["id"] = user.Mri, ["name"] = user.Name ?? user.Aad, ["aadObjectId"] = user.Aad };
        activity["conversation"]!["id"] = user.ConversationId;
    }

    public static JsonElement Card(JsonElement activity)
    {
        ActivitySchema.AssertValid(activity);
        var card = activity.GetProperty("attachments")[0].GetProperty("content");
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    /// Proactive sends (POST v3/conversations/{id}/activities, not a reply) to this user's chat.
    public IReadOnlyList<JsonElement> ProactiveTo(TeamsUser user) =>
        [.. Connector.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities", StringComparison.Ordinal))
            .Select(r => Card(r.Body!.Value))];

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
