using System.Diagnostics.Metrics;
using OspBot.Observability;

namespace OspBot.Outbox;

/// What happens to the proactive messages of the outbox (the Deliveries table): queued, sent, ambiguous (may have
/// arrived, never resent) and failed. Counted where a row really changes state, so a claim that had lapsed, or a
/// second instance recording the same row, counts nothing.
internal static class OutboxTelemetry
{
    public const string KindTag = "ospbot.outbox.kind";
    public const string ReasonTag = "ospbot.outbox.reason";

    internal static readonly Counter<long> Queued =
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
