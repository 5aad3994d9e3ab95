namespace OspBot.Rounds;

/// What a person may do with an update right now.
public sealed record UpdatePermissions(bool CanEdit, bool CanSubmit, bool CanApprove)
{
    public static readonly UpdatePermissions ReadOnly = new(false, false, false);
}

/// An update as a card shows it: the round, the current content, last quarter's plans and the version token.
public sealed record UpdateView
{
    public required int UpdateId { get; init; }

    public required int RoundId { get; init; }

    public required string GroupKey { get; init; }

    public required string GroupName { get; init; }

    /// "Q3 2025/26".
    public required string QuarterLabel { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required DateTimeOffset DeadlineAt { get; init; }

    public required RoundState RoundState { get; init; }

    public required UpdateStatus Status { get; init; }

    public required bool IsLate { get; init; }

    /// The version token: put it on the card and pass it back as expectedRevision.
    public required int Revision { get; init; }

    /// The newest version's number; 0 before the first save.
    public required int VersionNumber { get; init; }

    /// The newest saved content (the working copy); empty before the first save.
    public required UpdateContent Content { get; init; }

    public required IReadOnlyList<CarryForwardItem> CarryForward { get; init; }

    /// The sub-group's earlier requests for OSP support, for those who may edit (IPromptExtras).
    public IReadOnlyList<EarlierRequest> EarlierRequests { get; init; } = [];

    /// Section 4 goes to a requests register, so the edit card can show how it will be split (IPromptExtras).
    public bool ListsRequests { get; init; }

    public DateTimeOffset? LastEditedAt { get; init; }

    public string? LastEditedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public string? ApprovedBy { get; init; }

    /// Past the deadline (or explicitly locked) and this update was already submitted and not reopened.
    public required bool IsLocked { get; init; }

    public required bool IsReopened { get; init; }

    /// Saved after the counting submission, not yet submitted itself.
    public required bool HasUnsubmittedChanges { get; init; }

    /// The group's chair must approve a lead's submission.
    public required bool RequiresChairApproval { get; init; }

    public required UpdatePermissions Permissions { get; init; }
}
