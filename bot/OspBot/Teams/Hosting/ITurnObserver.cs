using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// What the protocol layer tells whoever watches its turns: a turn began (and how it ended), or an activity was a
/// repeat that did not run again. The layer measures nothing itself; telemetry, when it is on, is the observer.
internal interface ITurnObserver
{
    /// A turn is about to run; the observation ends when disposed. Null when nobody is watching this turn.
    ITurnObservation? TurnStarted(Activity activity, CancellationToken ct);

    void Repeated(Activity activity);
}

/// One running turn as an observer sees it.
internal interface ITurnObservation : IDisposable
{
    /// The turn failed; the person gets an apology.
    void Failed(Exception error);
}

/// Nobody watches: the default until telemetry replaces it.
internal sealed class UnobservedTurns : ITurnObserver
{
    public ITurnObservation? TurnStarted(Activity activity, CancellationToken ct) => null;

    public void Repeated(Activity activity)
    {
    }
}
