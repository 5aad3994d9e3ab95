using OspBot.Common;

namespace OspBot.Rounds;

/// The outcome of saving, submitting or approving an update.
public abstract record UpdateResult
{
    private UpdateResult()
    {
    }

    /// A new version was stored, or (WasDuplicate) the same action had just been stored and nothing new was.
    public sealed record Saved(UpdateView View, bool WasDuplicate) : UpdateResult;

    /// Errors to show inline. Entered is what was typed, to re-render the card with; when only required fields
    /// were missing on submit, it was kept as a draft (DraftKept) and View shows that new draft.
    public sealed record Invalid(UpdateView View, UpdateContent Entered, IReadOnlyList<FieldError> Errors, bool DraftKept) : UpdateResult;

    /// The card was out of date (someone saved since): nothing was stored; Current is the state now.
    public sealed record Stale(UpdateView Current) : UpdateResult;

    public sealed record Refused(Refusal Refusal, UpdateView? Current) : UpdateResult;
}

/// The outcome of a read: the value, or a refusal.
public abstract record Lookup<T>
{
    private Lookup()
    {
    }

    public sealed record Found(T Value) : Lookup<T>;

    public sealed record Refused(Refusal Refusal) : Lookup<T>;
}

/// The outcome of a secretariat action on a round (open, close, reopen, remind now).
public abstract record RoundResult
{
    private RoundResult()
    {
    }

    /// Affected: prompts queued (open), reminders queued (remind now), updates concerned (reopen: 1; close: all).
    public sealed record Done(RoundView Round, int Affected) : RoundResult;

    public sealed record AlreadyOpen(RoundView Existing) : RoundResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : RoundResult;

    public sealed record Refused(Refusal Refusal) : RoundResult;
}
