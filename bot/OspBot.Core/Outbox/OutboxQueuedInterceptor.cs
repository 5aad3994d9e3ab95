using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OspBot.Outbox;

/// Counts the deliveries a SaveChanges adds, by kind, once the save has succeeded (a conflicting duplicate
/// key, which the idempotency keys are there to cause, counts nothing).
internal sealed class OutboxQueuedInterceptor : SaveChangesInterceptor
{
    public static readonly OutboxQueuedInterceptor Instance = new();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, int[]> Adding = [];

    private OutboxQueuedInterceptor()
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
        if (context is null || !OutboxTelemetry.Queued.Enabled)
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
                OutboxTelemetry.Queued.Add(byKind[kind], new KeyValuePair<string, object?>(OutboxTelemetry.KindTag, ((DeliveryKind)kind).ToString()));
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
