namespace OspBot.Cards.Rounds;

/// The update can no longer be changed: the deadline passed (or the round closed).
internal sealed record LockedUpdateModel
{
    public required UpdateKey Key { get; init; }
    public required string SubGroupName { get; init; }
    public required string QuarterLabel { get; init; }
    public required DateTimeOffset Deadline { get; init; }

    /// Who at the secretariat can reopen it, e.g. "Policy & Partnerships Team (Jo Smith)".
    public required string SecretariatName { get; init; }
    public required string RecipientMri { get; init; }

    /// Something was saved or submitted: offer to read it.
    public bool HasText { get; init; }
}

/// A reminder that the update is due.
internal sealed record ChaserModel
{
    public required UpdateKey Key { get; init; }
    public required string SubGroupName { get; init; }
    public required string QuarterLabel { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required string RecipientMri { get; init; }

    /// A draft exists (else: not started).
    public bool HasDraft { get; init; }
}
