using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Rounds;

/// A migrated in-memory database with a small OSP: four sub-groups (Zero Carbon needs its chair's approval), a
/// secretariat, an OSP chair, chairs, leads, a deputy, a plain member and a vacant seat; everyone but the Safer
/// Communities lead has a personal chat with the bot. Each service it hands out gets a fresh context, as a request would.
internal sealed class RoundsWorld : IAsyncDisposable
{
    public static readonly Actor Secretariat = Actor.FromTeams("aad-sec");
    public static readonly Actor OspChair = Actor.FromTeams("aad-ospchair");
    public static readonly Actor EdLead = Actor.FromTeams("aad-ed-lead");
    public static readonly Actor EdDeputy = Actor.FromTeams("aad-ed-deputy");
    public static readonly Actor ScLead = Actor.FromTeams("aad-sc-lead");
    public static readonly Actor ScMember = Actor.FromTeams("aad-sc-member");
    public static readonly Actor ZcChair = Actor.FromTeams("aad-zc-chair");
    public static readonly Actor ZcLead = Actor.FromTeams("aad-zc-lead");
    public static readonly Actor SfLead = Actor.FromTeams("aad-sf-lead");
    public static readonly Actor Stranger = Actor.FromTeams("aad-nobody");

    private readonly SqliteConnection _keepAlive;
    private readonly string _connectionString;
    private readonly List<OspDbContext> _contexts = [];

    private RoundsWorld(SqliteConnection keepAlive, string connectionString, FakeTimeProvider clock)
    {
        _keepAlive = keepAlive;
        _connectionString = connectionString;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public RoundOptions Options { get; } = new();

    public static async Task<RoundsWorld> CreateAsync(DateTimeOffset now, CancellationToken ct)
    {
        var (keepAlive, connectionString) = await TestDatabases.InMemoryAsync(ct);
        var world = new RoundsWorld(keepAlive, connectionString, new FakeTimeProvider(now));
        await using var db = TestDatabases.Sqlite(connectionString);
        var groups = new Dictionary<string, Group>
        {
            ["steering-group"] = new() { Key = "steering-group", Name = "OSP Steering Group", Kind = GroupKind.SteeringGroup },
            ["economic-development"] = new() { Key = "economic-development", Name = "Economic Development", Kind = GroupKind.SubGroup },
            ["stronger-communities"] = new() { Key = "stronger-communities", Name = "Stronger Communities", Kind = GroupKind.SubGroup },
            ["zero-carbon"] = new() { Key = "zero-carbon", Name = "Zero Carbon Oxford Partnership", Kind = GroupKind.SubGroup, RequiresChairApproval = true },
            ["safer-communities"] = new() { Key = "safer-communities", Name = "Safer Communities", Kind = GroupKind.SubGroup },
        };
        db.Groups.AddRange(groups.Values);
        Person P(string name, string? aad, params (string Group, MembershipRole Role)[] seats) => new()
        {
            Name = name,
            EntraObjectId = aad,
            Email = aad is null ? null : $"{aad}@example.org",
            Memberships = [.. seats.Select(s => new Membership { Group = groups[s.Group], Role = s.Role })],
        };
        var sec = P("Sam Secretariat", "aad-sec");
        sec.IsSecretariat = true;
        var chair = P("Olive OspChair", "aad-ospchair", ("steering-group", MembershipRole.Chair));
        chair.IsOspChair = true;
        var vacant = P("Vacant", null, ("economic-development", MembershipRole.Lead));
        vacant.IsVacant = true;
        db.People.AddRange(
            sec, chair, vacant,
            P("Ed Lead", "aad-ed-lead", ("economic-development", MembershipRole.Lead)),
            P("Dee Deputy", "aad-ed-deputy", ("economic-development", MembershipRole.Deputy)),
            P("Sue Lead", "aad-sc-lead", ("stronger-communities", MembershipRole.Lead)),
            P("Mo Member", "aad-sc-member", ("stronger-communities", MembershipRole.Member)),
            P("Zara Chair", "aad-zc-chair", ("zero-carbon", MembershipRole.Chair)),
            P("Zed Lead", "aad-zc-lead", ("zero-carbon", MembershipRole.Lead)),
            P("Saf Lead", "aad-sf-lead", ("safer-communities", MembershipRole.Lead)),
            P("Unlinked Chair", null, ("safer-communities", MembershipRole.Chair)));
        foreach (var aad in new[] { "aad-sec", "aad-ospchair", "aad-ed-lead", "aad-ed-deputy", "aad-sc-lead", "aad-zc-chair", "aad-zc-lead" })
        {
            db.Conversations.Add(new ConversationReference
            {
                ConversationId = $"a:{aad}",
                ChannelId = "msteams",
                ServiceUrl = "https://smba.trafficmanager.net/uk/",
                ConversationType = "personal",
                UserAadObjectId = aad,
                InstalledAt = now,
                LastSeenAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return world;
    }

    public OspDbContext Db()
    {
        var db = TestDatabases.Sqlite(_connectionString);
        _contexts.Add(db);
        return db;
    }

    public OutboxOptions OutboxOptions { get; } = new();

    public RoundAdmin Admin() => new(Db(), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<RoundAdmin>.Instance);

    public RoundPlanner Planner() =>
        new(Db(), Admin(), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<RoundPlanner>.Instance);

    public UpdateEditor Editor()
    {
        var db = Db();
        return new(db, new DeliveryQueue(db), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<UpdateEditor>.Instance);
    }

    public RoundViews Views() => new(Db());

    public RoundDeliveryPlanner DeliveryPlanner()
    {
        var db = Db();
        return new(db, Planner(), new DeliveryQueue(db), Clock);
    }

    /// What a dispatch does before it claims: the rounds' planner.
    public Task PlanDueAsync(CancellationToken ct) => DeliveryPlanner().PlanDueAsync(ct);

    public DeliveryClaims Claims()
    {
        var db = Db();
        return new(db, Outcomes(db), Clock, Microsoft.Extensions.Options.Options.Create(OutboxOptions), NullLogger<DeliveryClaims>.Instance, []);
    }

    public DeliveryOutcomes Outcomes() => Outcomes(Db());

    private DeliveryOutcomes Outcomes(OspDbContext db) =>
        new(db, Clock, Microsoft.Extensions.Options.Options.Create(OutboxOptions), NullLogger<DeliveryOutcomes>.Instance);

    public DirectoryEditor DirectoryEditor() => new(Db(), new MemoryCache(new MemoryCacheOptions()));

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }
        await _keepAlive.DisposeAsync();
    }
}
