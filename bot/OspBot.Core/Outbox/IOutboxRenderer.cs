using System.Text.Json;

namespace OspBot.Outbox;

/// Turns a claimed delivery into the message to send. The feature that queues a kind renders it (rounds: prompts,
/// chasers, reminders, digests; meetings: meeting reminders); the outbox only claims, sends and records. Each kind
/// has exactly one renderer.
internal interface IOutboxRenderer
{
    IReadOnlyCollection<DeliveryKind> Kinds { get; }

    /// Kinds not sent to someone whose Outlook automatic replies are on (the outbox asks IAbsenceCheck first).
    bool SkipsWhenAway(DeliveryKind kind);

    Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct);
}

/// What a renderer made of a delivery: the Teams card to send, or why nothing goes.
internal abstract record Rendered
{
    private Rendered()
    {
    }

    public sealed record Message(JsonElement Card, string Summary) : Rendered;

    /// Recorded as State (Cancelled, OutOfOffice or Unreachable) with Reason for the status card.
    public sealed record NotSent(DeliveryState State, string? Reason) : Rendered;
}

/// Whether a person's automatic replies (out of office) are on now. Meetings answers it through Graph; without
/// Graph nobody is away.
internal interface IAbsenceCheck
{
    Task<bool> IsAwayAsync(int personId, CancellationToken ct);
}

internal sealed class NobodyAway : IAbsenceCheck
{
    public Task<bool> IsAwayAsync(int personId, CancellationToken ct) => Task.FromResult(false);
}

/// Queues what has come due before the outbox claims (rounds: planned rounds, chasers, digests). Every planner runs
/// at the start of each dispatch; it must be idempotent (deterministic keys), since several instances run it.
internal interface IDeliveryPlanner
{
    Task PlanDueAsync(CancellationToken ct);
}

/// Runs the dispatch at once (a round was opened, "remind now" was pressed) instead of at its next scheduled minute.
internal interface IDispatchNow
{
    Task TriggerAsync(CancellationToken ct);
}
