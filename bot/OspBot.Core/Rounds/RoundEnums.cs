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

public enum DeliveryKind
{
    Prompt,
    Chaser,
    Digest,
    Reminder,
    /// Before a meeting (Delivery.MeetingId), to each member of its group.
    MeetingReminder,
}

public enum DeliveryState
{
    Pending,
    /// Taken by a dispatcher that has not started sending it yet; left over after a crash, it goes back to Pending
    /// when its claim lease ends (RoundOptions.ClaimLease), because nothing left.
    Claimed,
    /// Its send has started (marked just before the request goes out); left over after a crash, it becomes
    /// Ambiguous when its lease ends (RoundOptions.DeliveryLease), because it may have arrived.
    Sending,
    Sent,
    Unreachable,
    /// The send may or may not have reached Teams (a crash or timeout mid-send); not retried, so never sent twice.
    Ambiguous,
    /// No longer wanted (e.g. a chaser for an update submitted meanwhile).
    Cancelled,
    /// Not sent: the person's Outlook automatic replies were on (a chaser or meeting reminder); shown to the secretariat.
    OutOfOffice,
}
