using System.Diagnostics;
using System.Diagnostics.Metrics;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using Activity = OspBot.Teams.Schema.Activity;

namespace OspBot.Observability;

/// The turn pipeline's span and its one instrument: every request to the messages endpoint is one measurement of
/// ospbot.turn.duration, tagged with the activity type, the command and what came of it. A turn that ran is measured
/// by the turn itself (it may outlive its request); a request that ran none by the endpoint's telemetry.
internal static class TurnTelemetry
{
    public const string SpanName = "ospbot.turn";
    public const string ActivityTypeTag = "ospbot.activity.type";
    public const string CommandTag = "ospbot.command";
    public const string OutcomeTag = "ospbot.turn.outcome";
    public const string ActivityIdTag = "ospbot.activity.id";

    public const string Replied = "replied";
    public const string Refused = "refused";
    public const string Error = "error";
    public const string Cancelled = "cancelled";
    public const string Duplicate = "duplicate";
    public const string Unauthorised = "unauthorised";
    public const string Rejected = "rejected";

    private static readonly Histogram<double> Duration =
        OspTelemetry.Duration("ospbot.turn.duration", "Activities at the messages endpoint, by type, command and outcome");

    private static readonly HashSet<string> KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event, ActivityTypes.Typing,
    ];

    /// Begins measuring a turn; null when the request is not measured (telemetry off).
    public static TurnMeasurement? Start(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TurnOutcome.Current is not { } outcome)
        {
            return null;
        }
        outcome.Ran = true;
        Describe(outcome, activity);
        var span = OspTelemetry.Source.StartActivity(SpanName, ActivityKind.Internal);
        span?.SetTag(ActivityTypeTag, outcome.ActivityType).SetTag(CommandTag, outcome.Command).SetTag(ActivityIdTag, activity.Id);
        return new TurnMeasurement(outcome, span, ct);
    }

    /// The activity was delivered before and does not run again.
    public static void Repeated(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TurnOutcome.Current is { } outcome)
        {
            outcome.Repeated = true;
            Describe(outcome, activity);
        }
    }

    /// The request is answered. One that ran no turn is measured here: a repeat, or one turned away at the door.
    public static void RequestEnded(TurnOutcome outcome, int status)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Ran ? null
            : outcome.Repeated ? Duplicate
            : status is 401 or 403 ? Unauthorised
            : status >= 500 ? Error
            : status >= 400 ? Rejected
            : null;
        if (result is not null)
        {
            Record(outcome, result);
            System.Diagnostics.Activity.Current?.SetTag(OutcomeTag, result);
        }
    }

    internal static void Record(TurnOutcome outcome, string result)
    {
        var tags = new TagList { { OutcomeTag, result } };
        if (outcome.ActivityType is { } type)
        {
            tags.Add(ActivityTypeTag, type);
            tags.Add(CommandTag, outcome.Command);
        }
        Duration.Record(Stopwatch.GetElapsedTime(outcome.StartedAt).TotalSeconds, tags);
    }

    private static void Describe(TurnOutcome outcome, Activity activity)
    {
        outcome.ActivityType = activity.Type is { } type && KnownTypes.Contains(type) ? type : "other";
        outcome.Command = TurnCommands.Of(activity);
    }
}

/// One running turn: ends its span and records its duration when disposed, with what came of it.
internal sealed class TurnMeasurement(TurnOutcome outcome, System.Diagnostics.Activity? span, CancellationToken ct) : ITurnObservation
{
    private string? _errorType;

    /// The turn failed; the person gets an apology.
    public void Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errorType = error.GetType().FullName;
    }

    public void Dispose()
    {
        var result = ct.IsCancellationRequested ? TurnTelemetry.Cancelled
            : _errorType is not null ? TurnTelemetry.Error
            : outcome.Refused ? TurnTelemetry.Refused
            : TurnTelemetry.Replied;
        TurnTelemetry.Record(outcome, result);
        if (span is not null)
        {
            span.SetTag(TurnTelemetry.OutcomeTag, result);
            if (_errorType is not null)
            {
                OspTelemetry.Fail(span, _errorType);
            }
            span.Dispose();
        }
    }
}

/// Telemetry as the protocol layer's observer of turns.
internal sealed class TelemetryTurnObserver : ITurnObserver
{
    public ITurnObservation? TurnStarted(Activity activity, CancellationToken ct) => TurnTelemetry.Start(activity, ct);

    public void Repeated(Activity activity) => TurnTelemetry.Repeated(activity);
}
