using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// The data side of the production tests, straight on the shared PostgreSQL database: leads with chats on the fake
/// connector, a round opened as the scheduler would, and what became of each prompt.
internal static class ProductionWorld
{
    public static string Conversation(int lead) => Leads.Conversation(lead);

    /// The connector's answer names the conversation, so a Sent row can be matched to the request that delivered it.
    public static (int, string) AnswerNamingTheConversation(ConnectorRequest request) =>
        (200, $$"""{"id":"sent-{{ConversationOf(request) ?? "reply"}}"}""");

    public static string? ConversationOf(ConnectorRequest request) =>
        request.Method == "POST" && request.Path.Split("/v3/conversations/") is [_, var rest] && rest.EndsWith("/activities", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(rest[..^"/activities".Length])
            : null;

    /// Proactive sends per conversation, and when each arrived.
    public static ILookup<string, ConnectorRequest> Proactive(FakeConnector connector) =>
        connector.Requests.Where(r => ConversationOf(r) is not null).ToLookup(r => ConversationOf(r)!);

    /// Replaces the sample directory's chairs and leads with <paramref name="people"/> leads, each with a chat.
    public static async Task SeedLeadsAsync(string connectionString, Uri serviceUrl, int people, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(connectionString);
        await Leads.SeedAsync(db, people, serviceUrl, DateTimeOffset.UtcNow, ct);
    }

    /// Opens a round whose prompts are due now, as the scheduler does; the instances' dispatch jobs send them.
    public static async Task OpenRoundAsync(string connectionString, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(connectionString);
        var rounds = new RoundAdmin(db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new RoundOptions()), NullLogger<RoundAdmin>.Instance);
        var opened = await rounds.OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest
        {
            MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            PromptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }, ct);
        Assert.IsType<RoundResult.Done>(opened);
    }

    public static Task<List<Delivery>> PromptsAsync(string connectionString, CancellationToken ct) =>
        DeliveriesAsync(connectionString, DeliveryKind.Prompt, ct);

    public static async Task<List<Delivery>> DeliveriesAsync(string connectionString, DeliveryKind kind, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(connectionString);
        return await db.Deliveries.AsNoTracking().Include(d => d.Person).Where(d => d.Kind == kind).ToListAsync(ct);
    }

    /// The Quartz instance (Jobs:InstanceId) running the round dispatch job now, or null.
    public static async Task<string?> DispatchingInstanceAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'outbox-dispatch' AND state = 'EXECUTING' LIMIT 1", connection);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// Waits until every prompt has an outcome (none pending, claimed or mid-send).
    public static Task<List<Delivery>> SettledPromptsAsync(string connectionString, int expected, TimeSpan within, CancellationToken ct) =>
        SettledAsync(connectionString, DeliveryKind.Prompt, expected, within, ct);

    /// Waits until every delivery of a kind has an outcome (none pending, claimed or mid-send).
    /// The bots are child processes writing to the database, so this is one of the polls left (see Eventually).
    public static Task<List<Delivery>> SettledAsync(string connectionString, DeliveryKind kind, int expected, TimeSpan within, CancellationToken ct) =>
        Eventually.ValueAsync(
            async token => await DeliveriesAsync(connectionString, kind, token) is { } deliveries && deliveries.Count == expected
                && deliveries.All(d => d.State is not (DeliveryState.Pending or DeliveryState.Claimed or DeliveryState.Sending))
                ? deliveries
                : null,
            within, $"{expected} {kind} deliveries, each with an outcome", ct);

    /// How many sends one kill can catch between their Sending mark and their request: a few milliseconds each, at
    /// the app's 50 sends a second.
    private const int MaxCaughtBetweenMarkAndRequest = 3;

    /// Exactly once, or for a send in flight at the kill, Ambiguous and at most once: every lead got at most one
    /// prompt (or meeting reminder: whatever the deliveries are); a Sent row was delivered once, by the request its activity id names; an Ambiguous row was interrupted
    /// (never resent) and any delivery of it reached the connector before the kill.
    /// Only sends really on their way may be in doubt: a send is marked Sending as the rate limiter lets it go, just
    /// before its request, so an in-doubt row that never arrived can only be one the kill caught in those few
    /// milliseconds. Sends queued behind the limiter are never marked (before that fix, a reminder batch left 13 of its
    /// 22 in-doubt rows unsent).
    /// Returns how many of the rows left Ambiguous had in fact reached the connector (before the kill).
    public static int AssertDeliveredAtMostOnce(IReadOnlyList<Delivery> prompts, FakeConnector connector, int people, DateTimeOffset killedAt)
    {
        var sent = Proactive(connector);
        var ambiguousArrived = 0;
        Assert.Equal(people, prompts.Count);
        foreach (var row in prompts)
        {
            var conversation = "a:" + row.Person!.EntraObjectId!["aad-".Length..];
            var requests = sent[conversation].ToList();
            Assert.True(requests.Count <= 1, $"{conversation} got {requests.Count} prompts");
            switch (row.State)
            {
                case DeliveryState.Sent:
                    Assert.Single(requests);
                    Assert.Equal($"sent-{conversation}", row.SentActivityId);
                    break;
                case DeliveryState.Ambiguous:
                    Assert.Equal(DeliveryReasons.Interrupted, row.LastError);
                    Assert.All(requests, r => Assert.True(r.At <= killedAt, $"{conversation}: ambiguous, yet delivered after the kill"));
                    ambiguousArrived += requests.Count;
                    break;
                default:
                    Assert.Fail($"{conversation}: prompt ended {row.State} ({row.LastError})");
                    break;
            }
        }

        Assert.All(sent, g => Assert.StartsWith("a:lead-", g.Key, StringComparison.Ordinal));
        var inDoubtNeverSent = prompts.Count(p => p.State == DeliveryState.Ambiguous) - ambiguousArrived;
        Assert.True(inDoubtNeverSent <= MaxCaughtBetweenMarkAndRequest,
            $"{inDoubtNeverSent} deliveries are in doubt yet never reached the connector: marked Sending before they could go");
        return ambiguousArrived;
    }
}
