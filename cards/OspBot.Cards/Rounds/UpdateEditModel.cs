using OspBot.Cards.Common;

namespace OspBot.Cards.Rounds;

/// What the update prompt / edit card shows to one sub-group chair or lead.
internal sealed record UpdateEditModel
{
    public required UpdateKey Key { get; init; }
    public required string SubGroupName { get; init; }

    /// e.g. "Q3 2025/26".
    public required string QuarterLabel { get; init; }
    public required DateTimeOffset Deadline { get; init; }

    /// The time the card is built, for the days left.
    public required DateTimeOffset Now { get; init; }

    /// The recipient's Teams id ("29:…"): the card refreshes for this person only.
    public required string RecipientMri { get; init; }

    /// The current draft; the card is prefilled with it.
    public UpdateText Draft { get; init; } = new();
    public Rag? Rag { get; init; }
    public string? RagReason { get; init; }

    /// Last quarter's plan items, to mark done, in progress, slipped or dropped.
    public IReadOnlyList<CarryForwardItem> CarryForward { get; init; } = [];

    /// The sub-group's earlier requests for OSP support ("You asked … — the OSP did …").
    public IReadOnlyList<EarlierRequestItem> EarlierRequests { get; init; } = [];

    /// Section 4 goes to the OSP's requests register: the card offers "Check how my requests will be listed".
    public bool OffersRequestCheck { get; init; }

    /// The requests section 4 as typed splits into, after that check; null when not checked.
    public IReadOnlyList<string>? RequestSplit { get; init; }

    /// Server-side validation results of the last save, each shown under its input; an error whose input is
    /// not on the card (e.g. "") is shown at the top.
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// A deputy's (or the chair's) approval is needed before the update reaches the OSP: Submit says so.
    public bool NeedsApproval { get; init; }

    /// Who approves, when <see cref="NeedsApproval"/>; e.g. "the sub-group chair, Ada Lovelace".
    public string? ApproverName { get; init; }
    public Stamp? LastSaved { get; init; }

    /// When the update was last submitted; set, the card says it edits that submission and offers no snooze.
    public DateTimeOffset? SubmittedAt { get; init; }

    /// Shown at the top, e.g. <see cref="RoundMessageCards.StaleNotice"/>.
    public string? Notice { get; init; }
}
