using OspBot.Cards.Common;

namespace OspBot.Cards.Rounds;

/// One line of a history card: a past round, or one sub-group's update in a round.
internal sealed record HistoryEntry
{
    public required string RoundId { get; init; }
    public required string QuarterLabel { get; init; }

    /// Null on a list of rounds; the sub-group on a list of updates.
    public string? SubGroupName { get; init; }

    /// The update to read; null on a list of rounds (the button then shows the round's status).
    public UpdateKey? Key { get; init; }
    public UpdateState? State { get; init; }
    public Rag? Rag { get; init; }
    public Stamp? Submitted { get; init; }
    public bool IsLate { get; init; }

    /// On a list of rounds: the meeting it fed, how many sub-groups submitted of how many, and whether it is closed.
    public RoundFacts? Round { get; init; }
}

internal sealed record RoundFacts(DateOnly MeetingDate, int Submitted, int SubGroups, bool IsClosed);

internal sealed record UpdateHistoryModel
{
    /// e.g. "Past rounds" or "Stronger Communities: past updates".
    public required string Title { get; init; }
    public IReadOnlyList<HistoryEntry> Entries { get; init; } = [];
}

/// The sub-groups to choose from when "history" did not name exactly one.
internal sealed record SubGroupPickerModel
{
    /// What the person typed after "history" (may be empty).
    public required string Typed { get; init; }

    /// Whether it matched more than one sub-group (else none, or nothing was typed).
    public bool Ambiguous { get; init; }

    public required IReadOnlyList<SubGroupChoice> SubGroups { get; init; }
}

internal sealed record SubGroupChoice(string Key, string Name);

/// A quarter the secretariat can open a round for.
internal sealed record QuarterChoice(string Value, string Label);

/// The secretariat's form to open a round.
internal sealed record OpenRoundModel
{
    public required IReadOnlyList<QuarterChoice> Quarters { get; init; }

    /// The <see cref="QuarterChoice.Value"/> preselected, normally the next quarter.
    public string? DefaultQuarter { get; init; }

    /// The steering group meeting the updates are for; the bot derives prompt and deadline from it.
    public DateOnly? MeetingDate { get; init; }

    /// Explicit dates, overriding those derived from the meeting.
    public DateOnly? PromptDate { get; init; }
    public DateOnly? DeadlineDate { get; init; }

    /// Validation results of the last attempt, by input id (<see cref="OpenRoundInputs"/>); others shown on top.
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}

internal static class OpenRoundInputs
{
    public const string Quarter = "quarter";
    public const string MeetingDate = "meetingDate";
    public const string PromptDate = "promptDate";
    public const string DeadlineDate = "deadlineDate";

    /// Dates arrive as yyyy-MM-dd, the format of Input.Date.
    public const string DateFormat = "yyyy-MM-dd";
}
