namespace OspBot.Common;

/// Why a service said no; every feature words its own refusals.
public enum RefusalReason
{
    /// The Teams user is not linked to anyone in the directory.
    NotMatched,
    NotFound,
    /// Not a chair, lead or deputy of this sub-group (nor the secretariat, for reading).
    NoRole,
    DeputyCannotSubmit,
    NotChair,
    NothingToApprove,
    /// Past the deadline and already submitted: only the secretariat can reopen it.
    Locked,
    RoundClosed,
    NotSecretariat,
    /// Reopening before the deadline: the sub-group can still change its update itself.
    StillOpen,
}

public sealed record Contact(string Name, string? Email);

/// A polite no, with the words to show and, where it helps, whom to ask.
public sealed record Refusal(RefusalReason Reason, string Message, IReadOnlyList<Contact> AskWhom);
