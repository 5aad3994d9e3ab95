using OspBot.Outbox;

namespace OspBot.Rounds;

/// What the secretariat asks for when opening a round. Dates left null are counted back from the meeting
/// (RoundOptions); the quarter defaults to the one the meeting falls in.
public sealed record OpenRoundRequest
{
    public required DateOnly MeetingDate { get; init; }

    public FinancialQuarter? Quarter { get; init; }

    public DateTimeOffset? PromptAt { get; init; }

    public DateTimeOffset? DeadlineAt { get; init; }

    public IReadOnlyList<DateTimeOffset>? ChaserAts { get; init; }
}

public sealed record RoundView
{
    public required int RoundId { get; init; }

    public required FinancialQuarter Quarter { get; init; }

    public string QuarterLabel => Quarter.Label;

    public required DateOnly MeetingDate { get; init; }

    public required DateTimeOffset PromptAt { get; init; }

    public required DateTimeOffset DeadlineAt { get; init; }

    public required IReadOnlyList<DateTimeOffset> ChaserAts { get; init; }

    public required RoundState State { get; init; }

    /// "OspBot" when the scheduler opened it.
    public required string OpenedBy { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public string? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

/// The secretariat's status card for one round.
/// A round on the secretariat's list of rounds: how many of its sub-groups have a counting submission.
public sealed record RoundSummary(RoundView Round, int Submitted, int SubGroups);

public sealed record RoundStatusView(RoundView Round, IReadOnlyList<GroupStatus> Groups, IReadOnlyList<Undelivered> Undelivered)
{
    /// People this round's messages reached by e-mail rather than Teams (Mail), for "sent by e-mail".
    public IReadOnlyList<Emailed> SentByEmail { get; init; } = [];
}

public sealed record Emailed(string PersonName, string? GroupName);

public sealed record GroupStatus
{
    public required int UpdateId { get; init; }

    public required string GroupKey { get; init; }

    public required string GroupName { get; init; }

    public required UpdateStatus Status { get; init; }

    public required bool IsLate { get; init; }

    public required bool IsReopened { get; init; }

    public DateTimeOffset? LastEditedAt { get; init; }

    public string? LastEditedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    /// The counting submission came from the web form of an e-mail, not Teams.
    public bool SubmittedViaEmail { get; init; }

    public Rag? Rag { get; init; }

    /// The chairs and leads, vacant seats included, with what OspBot sent them; empty: nobody to send to.
    public required IReadOnlyList<PersonStatus> People { get; init; }
}

/// A proactive message that did not (or may not have) reached its person, and why.
public sealed record Undelivered(string PersonName, string? GroupName, DeliveryKind Kind, DeliveryState State, string? Reason, DateTimeOffset DueAt);

/// The digest for the secretariat and the OSP chair: every sub-group's counting submission in full.
public sealed record DigestView(RoundView Round, IReadOnlyList<DigestEntry> Groups, bool AllSubmitted);

public sealed record DigestEntry
{
    /// The sub-group's update in this round, for the digest's Read button.
    public required int UpdateId { get; init; }

    public required string GroupName { get; init; }

    public required UpdateStatus Status { get; init; }

    public required bool IsLate { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public string? ApprovedBy { get; init; }

    /// The submitted content; null when the sub-group has not submitted.
    public UpdateContent? Content { get; init; }

    public IReadOnlyList<CarryForwardItem> PlanReviews { get; init; } = [];
}

/// One sub-group's update in one past or current round.
public sealed record HistoryEntry
{
    public required int RoundId { get; init; }

    public required int UpdateId { get; init; }

    public required string QuarterLabel { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required UpdateStatus Status { get; init; }

    public required bool IsLate { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public Rag? Rag { get; init; }

    public UpdateContent? Submitted { get; init; }

    public required IReadOnlyList<VersionInfo> Versions { get; init; }
}

public sealed record VersionInfo(int Number, VersionKind Kind, string SavedBy, DateTimeOffset SavedAt);

/// Someone to chase now: a chair or lead of a sub-group that has not submitted.
public sealed record ChaseItem(int RoundId, int UpdateId, int PersonId, string PersonName, string GroupName, int DaysLeft);
