using OspBot.Cards.Common;

namespace OspBot.Cards.Meetings;

/// A group the secretariat can meet with; the steering group is listed first.
internal sealed record MeetingGroupChoice(string Key, string Name, bool IsSteeringGroup);

/// What the secretariat typed or picked on the schedule form, carried from card to card so nothing is lost.
internal sealed record MeetingFormValues
{
    public string? GroupKey { get; init; }
    public string? Title { get; init; }
    public string? Agenda { get; init; }
    public int? DurationMinutes { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DateOnly? Date { get; init; }

    /// "HH:mm", London time.
    public string? Time { get; init; }
}

internal sealed record ScheduleMeetingModel
{
    public required IReadOnlyList<MeetingGroupChoice> Groups { get; init; }
    public required string FormId { get; init; }
    public MeetingFormValues Values { get; init; } = new();

    /// Null when free/busy can be read (Graph configured); otherwise why not, shown by the date range.
    public string? FindTimesUnavailable { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}

/// One person's availability for a proposed slot, as the secretariat reads it ("Busy", "Out of office").
internal sealed record SlotAttendee(string Name, string Availability, bool IsFree);

internal sealed record MeetingSlotView(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SlotAttendee> Attendees);

internal sealed record SlotPickerModel
{
    public required string FormId { get; init; }
    public required string GroupName { get; init; }
    public required MeetingFormValues Values { get; init; }
    public IReadOnlyList<MeetingSlotView> Slots { get; init; } = [];

    /// Why there are no slots: Graph not configured, no time in the range, or a Graph failure.
    public string? EmptyReason { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}

/// How the calendar invitation went: sent by Graph, or not (and then the .ics file is offered).
internal enum InvitationState
{
    SentByGraph,
    NotConfigured,
    Failed,
}

internal sealed record UnreachableMember(string Name, string Reason);

internal sealed record MeetingCardModel
{
    public required int MeetingId { get; init; }
    public required string Title { get; init; }
    public required string GroupName { get; init; }
    public bool IsSteeringGroup { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public string? Agenda { get; init; }
    public Uri? JoinUrl { get; init; }
    public InvitationState Invitation { get; init; }

    /// The plain-English reason when the invitation was not sent by Graph.
    public string? InvitationMessage { get; init; }
    public Uri? IcsUrl { get; init; }
    public bool IsCancelled { get; init; }
    public bool IsPast { get; init; }

    /// Saved, but Graph has not yet confirmed the calendar event (an outage or a timeout): a retry button is offered.
    public bool IsWaitingForCalendar { get; init; }
    /// Null when not known.
    public int? AttendeeCount { get; init; }
    public int ApologyCount { get; init; }

    /// "7 days and 1 day before".
    public string? RemindersLine { get; init; }

    /// For a steering group meeting: the update round it sets, e.g. "Q3 2026/27: updates asked for on …".
    public string? RoundLine { get; init; }
    public IReadOnlyList<UnreachableMember> Unreachable { get; init; } = [];

    /// A confirmation (green) or a failure (red) above the card, after a button.
    public string? Notice { get; init; }
    public string? Error { get; init; }
}

internal sealed record ResponseLine(string Name, DateTimeOffset? RespondedAt);

internal sealed record ResponsesModel
{
    public required int MeetingId { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Start { get; init; }
    public IReadOnlyList<ResponseLine> Accepted { get; init; } = [];
    public IReadOnlyList<ResponseLine> Tentative { get; init; } = [];
    public IReadOnlyList<ResponseLine> Declined { get; init; } = [];
    public IReadOnlyList<ResponseLine> None { get; init; } = [];

    /// Why responses cannot be shown (Graph not configured or failing); the lists are then empty.
    public string? Unavailable { get; init; }
}

internal sealed record ApologyLine(string Name, string? Note, DateTimeOffset SentAt);

internal sealed record ApologiesModel
{
    public required int MeetingId { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Start { get; init; }
    public IReadOnlyList<ApologyLine> Apologies { get; init; } = [];
}

internal sealed record UnreachableModel
{
    public required int MeetingId { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<UnreachableMember> Members { get; init; } = [];
}

internal sealed record MeetingListItem(int MeetingId, string Title, string GroupName, DateTimeOffset Start, DateTimeOffset End, int ApologyCount);

internal sealed record MeetingListModel
{
    public IReadOnlyList<MeetingListItem> Meetings { get; init; } = [];
}
