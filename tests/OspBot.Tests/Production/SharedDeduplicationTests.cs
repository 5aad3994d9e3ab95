using System.Diagnostics;
using Activity = OspBot.Teams.Schema.Activity;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OspBot.Data;
using OspBot.Deduplication;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// The shared activity store on a real PostgreSQL, and ActivityDeduplicator over it as two instances use it.
[Collection(PostgresTests.Name)]
public sealed class SharedDeduplicationTests(PostgresFixture postgres, ITestOutputHelper output)
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
        var runs = 0;
        var answer = new InvokeResponse(200, new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = Activities.Element("\"Draft saved.\"") });
        async Task<InvokeResponse?> Run()
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return answer;
        }

        var (a, _) = first.RunOnce(Invoke("1"), Run);
        await Task.Delay(200, ct);
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
        var clock = new TestClock(Start);
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

    /// Issue 6's hot-path question: what the shared check adds per new activity. Printed, never asserted.
    [Fact]
    public async Task Benchmark_the_cost_of_the_shared_check_per_new_activity()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var source = await MigratedAsync(ct);
        const int N = 2000;
        static Task<InvokeResponse?> Nothing() => Task.FromResult<InvokeResponse?>(null);

        var memory = new ActivityDeduplicator(TimeProvider.System, NullLogger<ActivityDeduplicator>.Instance);
        var shared = Deduplicator(source, TimeProvider.System);
        for (var i = 0; i < 200; i++)
        {
            await memory.RunOnce(Message($"warm-{i}"), Nothing).Turn;
            await shared.RunOnce(Message($"warm-{i}"), Nothing).Turn;
        }

        var roundTrip = await TimeAsync(N, async _ =>
        {
            await using var ping = source.CreateCommand("SELECT 1");
            await ping.ExecuteScalarAsync(ct);
        });
        var inMemory = await TimeAsync(N, i => memory.RunOnce(Message($"m-{i}"), Nothing).Turn);
        var sequential = await TimeAsync(N, i => shared.RunOnce(Message($"s-{i}"), Nothing).Turn);
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, N, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, _) => await shared.RunOnce(Message($"p-{i}"), Nothing).Turn);
        clock.Stop();
        var otherInstance = Deduplicator(source, TimeProvider.System);
        var repeats = await TimeAsync(N, i => otherInstance.RunOnce(Message($"s-{i}"), Nothing).Turn);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DEDUPE SELECT 1 round trip p50={roundTrip.P50:F0}us | in-memory p50={inMemory.P50:F1}us p99={inMemory.P99:F1}us | postgres new p50={sequential.P50:F0}us p99={sequential.P99:F0}us | "
            + $"repeat on another instance p50={repeats.P50:F0}us p99={repeats.P99:F0}us | 16 concurrent new: {N / clock.Elapsed.TotalSeconds:F0}/s"));
        Assert.Equal(2 * N + 200, await RowsAsync(source, ct));
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

    private static async Task<(double P50, double P99)> TimeAsync(int n, Func<int, Task> step)
    {
        var micros = new double[n];
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await step(i);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(micros);
        return (micros[n / 2], micros[n * 99 / 100]);
    }

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
