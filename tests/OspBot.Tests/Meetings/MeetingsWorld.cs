using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// The whole app on a SQLite file the test owns (so Restart is a new process on the same database), with the
/// dispatch job off (tests run OutboxDispatcher), a settable clock, a capturing Teams notifier, and optionally the
/// real Graph calendar against a GraphStub. Directory: Sam (secretariat); Ann and Bob sit on the steering group and
/// on "Test Group"; Cat sits on Test Group with an e-mail but no Teams link. Sam, Ann and Bob have chats with OspBot.
internal sealed class MeetingsWorld : IAsyncDisposable
{
    public static readonly Actor Sam = Actor.FromTeams("aad-sam");
    public static readonly Actor Ann = Actor.FromTeams("aad-ann");
    public static readonly Actor Bob = Actor.FromTeams("aad-bob");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ospbot-meetings", Guid.NewGuid().ToString("N"));
    private readonly (string Key, string? Value)[] _settings;

    private MeetingsWorld(FakeTimeProvider clock, GraphStub? graph, (string, string?)[] settings)
    {
        Clock = clock;
        Graph = graph;
        _settings = settings;
        Directory.CreateDirectory(_folder);
    }

    public FakeTimeProvider Clock { get; }

    public GraphStub? Graph { get; }

    public CapturingNotifier Teams { get; } = new();

    public OspBotApp App { get; private set; } = null!;

    public int SteeringGroupId { get; private set; }

    public int TestGroupId { get; private set; }

    public static async Task<MeetingsWorld> StartAsync(DateTimeOffset now, GraphStub? graph, CancellationToken ct, params (string, string?)[] settings)
    {
        var world = new MeetingsWorld(new FakeTimeProvider(now), graph, settings);
        world.Restart();
        await world.SeedAsync(ct);
        return world;
    }

    /// A new app (a new process, as far as the bot knows) on the same database file.
    public void Restart()
    {
        App?.Dispose();
        App = new OspBotApp()
            .With("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "ospbot.db")}")
            .With("Jobs:Outbox:DispatchEnabled", "false")
            .With("Jobs:Meetings:UpkeepEnabled", "false") // tests call RetryPendingAsync themselves, on the test clock
            .With("Mail:TenantDomains:0", "osp.test")      // this directory's people are the council's: Teams, no e-mail fallback
            .WithServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.AddSingleton<ITeamsNotifier>(Teams);
                if (Graph is not null)
                {
                    var calendar = Graph.Calendar(Clock, maxRetries: 1);
                    s.AddSingleton<IMeetingCalendar>(calendar);
                    s.AddSingleton(new MeetingCalendarAvailability(calendar, "app-catalog-id", "secretariat@osp.test"));
                }
            });
        foreach (var (key, value) in _settings)
        {
            App.With(key, value);
        }
        _ = App.Services;
    }

    /// Runs work with one of the app's services, in a scope of its own, as a request would.
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<OspDbContext, Task<T>> work) => InScopeAsync(sp => work(sp.GetRequiredService<OspDbContext>()));

    public Task<int> DispatchAsync(CancellationToken ct) => InScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(ct));

    public Task<List<Delivery>> RemindersAsync(CancellationToken ct) =>
        DbAsync(db => db.Deliveries.AsNoTracking().Include(d => d.Person)
            .Where(d => d.Kind == DeliveryKind.MeetingReminder).OrderBy(d => d.DueAt).ThenBy(d => d.PersonId).ToListAsync(ct));

    public async Task<MeetingChange> ScheduleAsync(int groupId, DateTimeOffset start, CancellationToken ct, string? agenda = "1. Minutes\n2. Budget")
    {
        var result = await WithAsync((MeetingScheduler m) => m.ScheduleAsync(Sam, new ScheduleMeetingRequest
        {
            GroupId = groupId,
            Title = "Quarterly meeting",
            Agenda = agenda,
            Start = start,
            End = start.AddHours(1),
        }, ct));
        return Assert.IsType<MeetingResult<MeetingChange>.Done>(result).Value;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        // The sample directory seeded at start is replaced by a small known one.
        await db.Memberships.ExecuteDeleteAsync(ct);
        var steering = await db.Groups.FirstAsync(g => g.Kind == GroupKind.SteeringGroup, ct);
        var test = new Group { Key = "test-group", Name = "Test Group", Kind = GroupKind.SubGroup };
        db.Groups.Add(test);
        Person P(string name, string? aad, params Group[] groups) => new()
        {
            Name = name,
            EntraObjectId = aad,
            Email = $"{name.ToLowerInvariant()}@osp.test",
            Memberships = [.. groups.Select(g => new Membership { Group = g, Role = MembershipRole.Member })],
        };
        var sam = P("Sam", "aad-sam");
        sam.IsSecretariat = true;
        db.People.AddRange(sam, P("Ann", "aad-ann", steering, test), P("Bob", "aad-bob", steering, test), P("Cat", null, test));
        await db.People.Where(p => p.IsSecretariat).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsSecretariat, false), ct);
        foreach (var aad in new[] { "aad-sam", "aad-ann", "aad-bob" })
        {
            db.Conversations.Add(Chat(aad));
        }
        await db.SaveChangesAsync(ct);
        (SteeringGroupId, TestGroupId) = (steering.Id, test.Id);
    }

    public ConversationReference Chat(string aad) => new()
    {
        ConversationId = $"a:{aad}",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ConversationType = "personal",
        UserAadObjectId = aad,
        InstalledAt = Clock.GetUtcNow(),
        LastSeenAt = Clock.GetUtcNow(),
    };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
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

/// ITeamsNotifier that records every card and says it was sent (unless its sender withdraws it, as Teams' would).
internal sealed class CapturingNotifier : ITeamsNotifier
{
    public ConcurrentQueue<(string ConversationId, JsonElement Card, string Summary)> Sent { get; } = new();

    public IReadOnlyList<JsonElement> To(string aad) => [.. Sent.Where(s => s.ConversationId == $"a:{aad}").Select(s => s.Card)];

    public async Task<SendOutcome> SendCardAsync(
        string serviceUrl, string conversationId, JsonElement card, string summary, BeforeSend? beforeSend, CancellationToken ct)
    {
        if (beforeSend is not null && !await beforeSend(ct))
        {
            return new SendOutcome.Withdrawn();
        }

        Sent.Enqueue((conversationId, card.Clone(), summary));
        return new SendOutcome.Sent(Guid.NewGuid().ToString("N"));
    }
}
