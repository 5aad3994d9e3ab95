using System.Diagnostics;

namespace OspBot.Observability;

/// What became of the activity a request to the messages endpoint carries, as telemetry reports it. It flows with
/// the request (an AsyncLocal), so code deep in a turn can say "refused" without being handed anything. Only the
/// messages endpoint's telemetry begins one: with telemetry off there is none, and every call here does nothing.
internal sealed class TurnOutcome
{
    private static readonly AsyncLocal<TurnOutcome?> Ambient = new();

    private TurnOutcome(long startedAt) => StartedAt = startedAt;

    public static TurnOutcome? Current => Ambient.Value;

    /// Stopwatch ticks when the request arrived.
    public long StartedAt { get; }

    /// A service refused the person: not in the directory, not their role, locked, closed or gone.
    public bool Refused { get; private set; }

    /// The bot ran a turn for the activity; the turn records its own measurement when it ends.
    public bool Ran { get; set; }

    /// The activity had been delivered before and did not run again.
    public bool Repeated { get; set; }

    public string? ActivityType { get; set; }

    public string? Command { get; set; }

    public static TurnOutcome Begin() => Ambient.Value = new TurnOutcome(Stopwatch.GetTimestamp());

    /// Called where a service turns the caller away; outside a measured turn (a job, telemetry off) it does nothing.
    public static void MarkRefused()
    {
        if (Ambient.Value is { } turn)
        {
            turn.Refused = true;
        }
    }

    /// <see cref="MarkRefused"/> for an expression that builds the refusal.
    public static T Refusing<T>(T refusal)
    {
        MarkRefused();
        return refusal;
    }
}
