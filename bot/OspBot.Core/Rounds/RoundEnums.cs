namespace OspBot.Rounds;

public enum RoundState
{
    Open,
    /// Past the deadline: submitted updates are frozen, missing ones may still come in (marked late).
    Locked,
    /// Closed by the secretariat: nothing more is accepted.
    Closed,
}

public enum UpdateStatus
{
    NotStarted,
    Draft,
    /// Submitted by a lead of a group whose chair must approve it before it counts.
    AwaitingApproval,
    Submitted,
}

public enum VersionKind
{
    Draft,
    Submitted,
    Approved,
}

public enum Rag
{
    Green,
    Amber,
    Red,
}

public enum PlanStatus
{
    Done,
    InProgress,
    Slipped,
    Dropped,
}
