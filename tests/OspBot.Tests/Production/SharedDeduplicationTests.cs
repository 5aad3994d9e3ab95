using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OspBot.Data;
using OspBot.Deduplication;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using Activity = OspBot.Teams.Schema.Activity;

namespace OspBot.Tests.Production;

/// The shared activity store on a real PostgreSQL, and ActivityDeduplicator over it as two instances use it.
[Collection(PostgresTests.Name)]
public sealed class SharedDeduplicationTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_activity_taken_by_one_instance_is_a_repeat_for_another_and_an_invoke_repeat_gets_the_first_answer()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var source = await MigratedAsync(ct);
        var first = Deduplicator(source, TimeProvider.System);
        var second = Deduplicator(source, TimeProvider.System);
        var release = new TaskCompletionSource();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var answer = new InvokeResponse(200, new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = Activities.Element("\"Draft saved.\"") });
        async Task<InvokeResponse?> Run()
        {
            Interlocked.Increment(ref runs);
            running.TrySetResult();
            await release.Task;
            return answer;
        }

        var (a, _) = first.RunOnce(Invoke("1"), Run);
        // The turn runs only once its id is claimed in the shared store: from then on it is a repeat for anyone.
        await running.Task.WaitAsync(ct);
        var (b, bIsRepeat) = second.RunOnce(Invoke("1"), Run);
        release.SetResult();

        Assert.False(bIsRepeat);
        Assert.Same(answer, await a);
        var repeated = await b;
        Assert.Equal(1, runs);
        Assert.Equal((200, "\"Draft saved.\""), (repeated!.Status, repeated.Body!.Value!.Value.GetRawText()));
        // The same id in another conversation is another activity.
        await second.RunOnce(Invoke("1", "a:other"), Run).Turn;
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_turn_given_up_at_shutdown_or_left_by_a_dead_instance_can_run_elsewhere_and_old_ids_are_pruned()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var source = await MigratedAsync(ct);
        var clock = new FakeTimeProvider(Start);
        var store = new PostgresActivityIdStore(source, clock);
        var (given, dead, old) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(given, ct));
        await store.ForgetAsync(given, ct);
        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(given, ct));

        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(dead, ct));
        Assert.Same(ActivityClaim.Running, await store.TryStartAsync(dead, ct));
        clock.Advance(PostgresActivityIdStore.TakeOverAfter + TimeSpan.FromSeconds(1));
        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(dead, ct));

        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(old, ct));
        await store.FinishAsync(old, null, null, ct);
        Assert.IsType<ActivityClaim.Finished>(await store.TryStartAsync(old, ct));
        clock.Advance(PostgresActivityIdStore.Retention + TimeSpan.FromMinutes(1));
        var recent = Guid.NewGuid();
        Assert.Same(ActivityClaim.Started, await store.TryStartAsync(recent, ct));
        await store.FinishAsync(recent, null, null, ct);
        Assert.Equal((0L, 0L, 1L), (await CountAsync(source, old, ct), await CountAsync(source, dead, ct), await CountAsync(source, recent, ct)));
    }

    /// What tests/bench/dedupe times, checked for correctness: every new activity, one at a time or 16 at once,
    /// leaves exactly one row, and the same ids from another instance are repeats that add none.
    [Fact]
    public async Task New_activities_sequential_or_concurrent_leave_one_row_each_and_repeats_elsewhere_add_none()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var source = await MigratedAsync(ct);
        const int N = 200;
        var runs = 0;
        Task<InvokeResponse?> Count()
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult<InvokeResponse?>(null);
        }

        var shared = Deduplicator(source, TimeProvider.System);
        for (var i = 0; i < N; i++)
        {
            await shared.RunOnce(Message($"s-{i}"), Count).Turn;
        }
        await Parallel.ForAsync(0, N, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, _) => await shared.RunOnce(Message($"p-{i}"), Count).Turn);
        Assert.Equal(2 * N, runs);
        var otherInstance = Deduplicator(source, TimeProvider.System);
        for (var i = 0; i < N; i++)
        {
            await otherInstance.RunOnce(Message($"s-{i}"), Count).Turn;
        }

        Assert.Equal(2 * N, runs);
        Assert.Equal(2 * N, await RowsAsync(source, ct));
    }

    private static ActivityDeduplicator Deduplicator(NpgsqlDataSource source, TimeProvider time) =>
        new(time, NullLogger<ActivityDeduplicator>.Instance, new PostgresActivityIdStore(source, time));

    private async Task<NpgsqlDataSource> MigratedAsync(CancellationToken ct)
    {
        var database = await postgres.CreateDatabaseAsync(ct);
        await using (var db = TestDatabases.Postgres(database))
        {
            await MigrateOnStartup.MigrateAsync(db, NullLogger.Instance, ct);
        }

        return NpgsqlDataSource.Create(database);
    }

    private static Activity Message(string id, string conversation = "a:1") =>
        new() { Type = ActivityTypes.Message, Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = conversation } };

    private static Activity Invoke(string id, string conversation = "a:1") =>
        new() { Type = ActivityTypes.Invoke, Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = conversation } };

    private static async Task<long> CountAsync(NpgsqlDataSource source, Guid key, CancellationToken ct)
    {
        await using var command = source.CreateCommand("""SELECT count(*) FROM "SeenActivities" WHERE "Key" = $1""");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> RowsAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var command = source.CreateCommand("""SELECT count(*) FROM "SeenActivities" """);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
