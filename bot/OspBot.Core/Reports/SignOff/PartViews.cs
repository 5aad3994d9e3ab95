using OspBot.Common;

namespace OspBot.Reports;

/// A sub-group's part as its card shows it to one person.
internal sealed record PartView
{
    public required int PartId { get; init; }

    public required int FinancialYear { get; init; }

    public required string SubGroup { get; init; }

    public required PartState State { get; init; }

    public required int Version { get; init; }

    public required PartSections Sections { get; init; }

    public required string ApproverName { get; init; }

    public required string LastSavedBy { get; init; }

    public required DateTimeOffset LastSavedAt { get; init; }

    public string? ApprovedByName { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// Quarters whose update was submitted again after the part was approved ("Q4"): the part needs a second look.
    public IReadOnlyList<string> ChangedSinceApproval { get; init; } = [];

    /// The report was marked final: the part can no longer be edited or approved.
    public bool IsFinal { get; init; }

    /// Whether the person looking may approve it (its approver, while not final).
    public bool CanApprove { get; init; }
}

/// One line of the secretariat's sign-off status: a part, its state, and whether it needs a second look.
internal sealed record PartStatusRow(int PartId, string SubGroup, PartState State, string ApproverName, string? ApprovedByName,
    DateTimeOffset? ApprovedAt, string LastSavedBy, IReadOnlyList<string> ChangedSinceApproval);

internal sealed record SignOffStatus(int FinancialYear, IReadOnlyList<PartStatusRow> Parts, DateTimeOffset? FinalAt, string? FinalByName, int DaysLeft);

/// What asking about, saving or approving a part came to.
internal abstract record PartResult
{
    private PartResult()
    {
    }

    public sealed record Shown(PartView Part) : PartResult;

    public sealed record Saved(PartView Part) : PartResult;

    public sealed record Approved(PartView Part) : PartResult;

    /// Someone saved the part since the caller opened it: nothing of theirs was written; both versions are shown.
    public sealed record Conflict(PartView Current, PartSections Yours) : PartResult;

    public sealed record Asked(PartView Part, int Told) : PartResult;

    public sealed record Refused(Refusal Refusal) : PartResult;
}

/// What starting or chasing the sign-off came to.
internal sealed record SignOffStarted(int FinancialYear, int PartsSent, IReadOnlyList<string> NoApprover);
