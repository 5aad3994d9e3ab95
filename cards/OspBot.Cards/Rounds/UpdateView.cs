namespace OspBot.Cards.Rounds;

/// A written update as the read-only cards show it (summary, approval, reader).
internal sealed record UpdateView
{
    public required UpdateKey Key { get; init; }
    public required string SubGroupName { get; init; }
    public required string QuarterLabel { get; init; }
    public required UpdateState State { get; init; }
    public required UpdateText Text { get; init; }

    /// The same text as paragraphs and list items, which is what the read-only cards show.
    public required UpdateLayout Layout { get; init; }
    public Rag? Rag { get; init; }
    public string? RagReason { get; init; }

    /// Who submitted it and when; null while not submitted.
    public Stamp? Submitted { get; init; }

    /// Submitted (or still missing) after the deadline.
    public bool IsLate { get; init; }

    /// Last quarter's plan items with the outcome this update gave them.
    public IReadOnlyList<CarryForwardItem> CarryForward { get; init; } = [];

    /// Who must approve it while <see cref="UpdateState.AwaitingApproval"/>.
    public string? ApproverName { get; init; }
    public Stamp? Approved { get; init; }
}

/// The summary a chair or lead sees after submitting, or an approver sees while it awaits approval.
internal sealed record UpdateSummaryModel
{
    public required UpdateView Update { get; init; }

    /// The recipient's Teams id ("29:…"): the card refreshes for this person only.
    public required string RecipientMri { get; init; }

    /// The round is still open for changes: offer Edit.
    public bool CanEdit { get; init; }

    /// The recipient is the approver of an update awaiting approval: offer Approve.
    public bool ViewerCanApprove { get; init; }

    /// Shown at the top, e.g. <see cref="RoundMessageCards.StaleNotice"/>.
    public string? Notice { get; init; }
}
