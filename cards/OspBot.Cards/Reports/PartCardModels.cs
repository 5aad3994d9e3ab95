namespace OspBot.Cards.Reports;

/// A section of a sub-group's part: the input's id, its title and its text.
internal sealed record PartSectionModel(string Key, string Title, string Text);

/// A sub-group's part of the annual report as its sign-off card shows it.
internal sealed record PartCardModel
{
    public required int PartId { get; init; }

    public required string YearLabel { get; init; }

    public required string SubGroup { get; init; }

    /// "Waiting for Jane Doe's approval", "Approved by Jane Doe on 3 May 2025", "Edited by …; waiting for …".
    public required string StateText { get; init; }

    public required int Version { get; init; }

    public required IReadOnlyList<PartSectionModel> Sections { get; init; }

    public required string LastSaved { get; init; }

    /// "Q4 was edited after you approved; review?": empty when nothing changed underneath.
    public string? ChangedNotice { get; init; }

    /// A short line on top: "Saved as version 3.", "Approved.", "Your question went to the secretariat."
    public string? Outcome { get; init; }

    public bool IsFinal { get; init; }

    public bool CanApprove { get; init; }
}

/// The part changed while the reader edited it: both versions of each section that differs.
internal sealed record PartConflictModel(PartCardModel Current, IReadOnlyList<PartSectionModel> Yours);

/// One line of the secretariat's sign-off card.
internal sealed record PartStatusLine(string SubGroup, string StateText, bool Waiting);

internal sealed record SignOffStatusModel(
    int Year, string YearLabel, IReadOnlyList<PartStatusLine> Parts, string? FinalText, int DaysLeft, string? Outcome = null);
