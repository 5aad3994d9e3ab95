using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Jobs.Rounds;
using OspBot.Members;
using OspBot.Rounds;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Jobs.Rounds;

/// Issue 3's fan-out benchmark as a correctness test: 200 prompts through a connector that enforces Teams'
/// per-app limit and throttles one send in ten. It asserts exactly-once delivery only; the elapsed time and
/// its ratio to what the per-app limit allows are printed (tests/bench/README.md), never asserted.
public sealed class PromptFanOutTests(ITestOutputHelper output)
{
    private const int People = 200;
    private const int AppLimitPerSecond = 50;

    [Fact]
    public async Task Opening_a_round_for_200_leads_delivers_every_prompt_exactly_once_through_throttling()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var teams = new TeamsThrottle(AppLimitPerSecond, throttleOneIn: 10);
        connector.RetryAfterSeconds = 1;
        connector.Respond = request => request.Method == "POST" && !teams.Accepts(request.Path)
            ? (429, """{"error":{"code":"Throttled","message":"Too many requests"}}""")
            : (200, $$"""{"id":"{{Guid.NewGuid():N}}"}""");
        await using var app = new OspBotApp().With("Jobs:Rounds:DispatchEnabled", "false");
        await SeedLeadsAsync(app, connector.ServiceUrl, ct);

        await using var scope = app.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<RoundService>().OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest
        {
            MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            PromptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }, ct);
        Assert.IsType<RoundResult.Done>(opened);
        var clock = Stopwatch.StartNew();
        var sent = await scope.ServiceProvider.GetRequiredService<RoundDispatcher>().DispatchAsync(ct);
        clock.Stop();

        var accepted = teams.Accepted;
        Assert.Equal(People, sent);
        Assert.Equal(People, accepted.Count);
        Assert.All(Enumerable.Range(0, People), i => Assert.Equal(1, accepted.GetValueOrDefault($"a%3Alead-{i}")));
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        Assert.Equal(0, await db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.Prompt && d.State != DeliveryState.Sent, ct));

        var ideal = TimeSpan.FromSeconds((double)accepted.Values.Sum() / AppLimitPerSecond);
        output.WriteLine($"FANOUT prompts={sent} throttled={teams.Throttled} elapsed_s={clock.Elapsed.TotalSeconds:F2} " +
            $"ideal_s={ideal.TotalSeconds:F2} efficiency={ideal / clock.Elapsed:P0}");
    }

    private static async Task SeedLeadsAsync(OspBotApp app, Uri serviceUrl, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).ToListAsync(ct);
        await db.Memberships.Where(m => m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead).ExecuteDeleteAsync(ct);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < People; i++)
        {
            var person = new Person { Name = $"Lead {i}", EntraObjectId = $"aad-lead-{i}", Email = $"lead{i}@example.org" };
            person.Memberships.Add(new Membership { Group = subGroups[i % subGroups.Count], Role = MembershipRole.Lead });
            db.People.Add(person);
            db.Conversations.Add(new ConversationReference
            {
                ConversationId = $"a:lead-{i}", ChannelId = "msteams", ServiceUrl = serviceUrl.ToString(), ConversationType = "personal",
                UserId = $"29:lead-{i}", UserAadObjectId = $"aad-lead-{i}", InstalledAt = now, LastSeenAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// Teams' side of the bargain: 429 when a send would exceed the per-app rate in any one-second window,
    /// and one send in N throttled anyway (deterministically, so runs are comparable).
    private sealed class TeamsThrottle(int perSecond, int throttleOneIn)
    {
        private readonly Queue<DateTimeOffset> _window = new();
        private readonly Lock _lock = new();
        private int _count;

        public int Throttled { get; private set; }

        public Dictionary<string, int> Accepted { get; } = [];

        /// False means Teams answers 429 to this send.
        public bool Accepts(string path)
        {
            lock (_lock)
            {
                var now = DateTimeOffset.UtcNow;
                while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _window.Dequeue();
                }

                if (++_count % throttleOneIn == 0 || _window.Count >= perSecond)
                {
                    Throttled++;
                    return false;
                }

                _window.Enqueue(now);
                var conversation = path.Split("/v3/conversations/")[1].Split('/')[0];
                Accepted[conversation] = Accepted.GetValueOrDefault(conversation) + 1;
                return true;
            }
        }
    }
}
