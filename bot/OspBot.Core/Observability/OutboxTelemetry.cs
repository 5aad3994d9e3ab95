using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OspBot.Rounds;

namespace OspBot.Observability;

/// What happens to the proactive messages of the outbox (the Deliveries table): queued, sent, ambiguous (may have
/// arrived, never resent) and failed. Counted where a row really changes state, so a claim that had lapsed, or a
/// second instance recording the same row, counts nothing.
internal static class OutboxTelemetry
{
    public const string KindTag = "ospbot.outbox.kind";
    public const string ReasonTag = "ospbot.outbox.reason";

    private static readonly Counter<long> Queued =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.outbox.queued", "{message}", "Proactive messages written to the outbox");

    private static readonly Counter<long> Sent =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.outbox.sent", "{message}", "Proactive messages Teams accepted");

    private static readonly Counter<long> Ambiguous =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.outbox.ambiguous", "{message}", "Sends that may or may not have arrived; never resent");

    private static readonly Counter<long> Failed =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.outbox.failed", "{message}", "Sends that certainly did not arrive");

    /// Counts the rows an ExecuteUpdate changed as <paramref name="outcome"/>; with telemetry off, the task as it is.
    public static Task Counted(this Task<int> changedRows, OutboxOutcome outcome) =>
        Counter(outcome).Enabled ? CountAsync(changedRows, outcome) : changedRows;

    public static void Count(OutboxOutcome outcome, int rows = 1)
    {
        var counter = Counter(outcome);
        if (rows > 0 && counter.Enabled)
        {
            if (outcome == OutboxOutcome.Sent)
            {
                counter.Add(rows);
            }
            else
            {
                counter.Add(rows, Reason(outcome));
            }
        }
    }

    private static async Task CountAsync(Task<int> changedRows, OutboxOutcome outcome) => Count(outcome, await changedRows);

    private static Counter<long> Counter(OutboxOutcome outcome) => outcome switch
    {
        OutboxOutcome.Sent => Sent,
        OutboxOutcome.NoAnswer or OutboxOutcome.Interrupted => Ambiguous,
        _ => Failed,
    };

    private static KeyValuePair<string, object?> Reason(OutboxOutcome outcome) => new(ReasonTag, outcome switch
    {
        OutboxOutcome.NoAnswer => "no_answer",
        OutboxOutcome.Interrupted => "interrupted",
        OutboxOutcome.Retrying => "retrying",
        OutboxOutcome.GaveUp => "gave_up",
        _ => "unreachable",
    });

    /// Counts the deliveries a SaveChanges adds, by kind, once the save has succeeded (a conflicting duplicate
    /// key, which the idempotency keys are there to cause, counts nothing).
    internal sealed class QueuedInterceptor : SaveChangesInterceptor
    {
        public static readonly QueuedInterceptor Instance = new();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, int[]> Adding = [];

        private QueuedInterceptor()
        {
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Remember(eventData?.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Remember(eventData?.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Count(eventData?.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count(eventData?.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData?.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData?.Context);
            return Task.CompletedTask;
        }

        private static void Remember(DbContext? context)
        {
            if (context is null || !Queued.Enabled)
            {
                return;
            }
            int[]? byKind = null;
            foreach (var entry in context.ChangeTracker.Entries<Delivery>())
            {
                if (entry.State == EntityState.Added)
                {
                    byKind ??= new int[Enum.GetValues<DeliveryKind>().Length];
                    byKind[(int)entry.Entity.Kind]++;
                }
            }
            if (byKind is not null)
            {
                Adding.AddOrUpdate(context, byKind);
            }
        }

        private static void Count(DbContext? context)
        {
            if (context is null || !Adding.TryGetValue(context, out var byKind))
            {
                return;
            }
            Adding.Remove(context);
            for (var kind = 0; kind < byKind.Length; kind++)
            {
                if (byKind[kind] > 0)
                {
                    Queued.Add(byKind[kind], new KeyValuePair<string, object?>(KindTag, ((DeliveryKind)kind).ToString()));
                }
            }
        }

        private static void Forget(DbContext? context)
        {
            if (context is not null)
            {
                Adding.Remove(context);
            }
        }
    }
}

/// What a state change of an outbox row means to an operator.
internal enum OutboxOutcome
{
    Sent,
    /// The send got no usable answer (timeout, connection lost, 5xx after it may have arrived).
    NoAnswer,
    /// Its dispatcher stopped mid-send; found when the delivery lease ran out.
    Interrupted,
    /// Teams refused it (429, 503 …): queued again for later.
    Retrying,
    /// Refused once too often (Rounds:MaxDeliveryAttempts).
    GaveUp,
    /// The person cannot be written to: app removed or not installed, not linked, conversation blocked.
    Unreachable,
}
