using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OspBot.Data;
using OspBot.Deduplication;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using Activity = OspBot.Teams.Schema.Activity;

// What the shared (PostgreSQL) activity check adds per new activity, beside the in-memory one and a bare round trip;
// then the same ids again from another instance (repeats), and 16 new activities at a time. Prints one DEDUPE line.
// Usage: dotnet OspBot.Bench.Dedupe.dll <admin connection string> [activities, default 2000]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: OspBot.Bench.Dedupe <admin connection string> [activities]");
    return 2;
}

var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var database = await FreshDatabaseAsync(args[0]);
await using (var db = new PostgresOspDbContext(new DbContextOptionsBuilder<PostgresOspDbContext>().UseNpgsql(database).Options))
{
    await MigrateOnStartup.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
}

await using var source = NpgsqlDataSource.Create(database);
static Task<InvokeResponse?> Nothing() => Task.FromResult<InvokeResponse?>(null);
var memory = new ActivityDeduplicator(TimeProvider.System, NullLogger<ActivityDeduplicator>.Instance);
var shared = Deduplicator(source);
for (var i = 0; i < 200; i++)
{
    await memory.RunOnce(Message($"warm-{i}"), Nothing).Turn;
    await shared.RunOnce(Message($"warm-{i}"), Nothing).Turn;
}

var roundTrip = await TimeAsync(n, async _ =>
{
    await using var ping = source.CreateCommand("SELECT 1");
    await ping.ExecuteScalarAsync();
});
var inMemory = await TimeAsync(n, i => memory.RunOnce(Message($"m-{i}"), Nothing).Turn);
var sequential = await TimeAsync(n, i => shared.RunOnce(Message($"s-{i}"), Nothing).Turn);
var concurrent = Stopwatch.StartNew();
await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => await shared.RunOnce(Message($"p-{i}"), Nothing).Turn);
concurrent.Stop();
var repeats = await TimeAsync(n, i => Deduplicator(source).RunOnce(Message($"s-{i}"), Nothing).Turn);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"DEDUPE SELECT 1 round trip p50={roundTrip.P50:F0}us | in-memory p50={inMemory.P50:F1}us p99={inMemory.P99:F1}us | postgres new p50={sequential.P50:F0}us p99={sequential.P99:F0}us | "
    + $"repeat on another instance p50={repeats.P50:F0}us p99={repeats.P99:F0}us | 16 concurrent new: {n / concurrent.Elapsed.TotalSeconds:F0}/s"));
return 0;

static ActivityDeduplicator Deduplicator(NpgsqlDataSource source) =>
    new(TimeProvider.System, NullLogger<ActivityDeduplicator>.Instance, new PostgresActivityIdStore(source, TimeProvider.System));

static Activity Message(string id) =>
    new() { Type = ActivityTypes.Message, Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "a:1" } };

static async Task<string> FreshDatabaseAsync(string admin)
{
    var name = $"dedupe_{Guid.NewGuid():N}";
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
}

static async Task<(double P50, double P99)> TimeAsync(int n, Func<int, Task> step)
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
