using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Meetings;

/// What the secretariat asks for when booking: the group, the words, and an exact time (picked from the
/// proposals or typed). Instants; the card converts from London wall-clock time.
public sealed record ScheduleMeetingRequest
{
    public required int GroupId { get; init; }

    public required string Title { get; init; }

    public string? Agenda { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }
}

/// Free times for a group's members within a window (needs Graph).
public sealed record SlotRequest
{
    public required int GroupId { get; init; }

    public required TimeSpan Duration { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }
}

public sealed record MoveMeetingRequest
{
    public required int MeetingId { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }
}

/// A group the secretariat can book a meeting for (the form's picker).
public sealed record MeetingGroup(int GroupId, string Key, string Name, GroupKind Kind, int MemberCount);

public sealed record MeetingView
{
    public required int MeetingId { get; init; }

    public required int GroupId { get; init; }

    public required string GroupKey { get; init; }

    public required string GroupName { get; init; }

    public required bool IsSteeringGroup { get; init; }

    public required string Title { get; init; }

    public string? Agenda { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// "Mon 30 Mar 2026 10:00" in London time.
    public required string When { get; init; }

    public required MeetingState State { get; init; }

    /// True when the event is in the organiser's calendar (Graph sent the invitations).
    public required bool InCalendar { get; init; }

    public string? JoinUrl { get; init; }

    public string? WebLink { get; init; }

    public string? Organiser { get; init; }

    /// Why the calendar event is still missing (PendingCalendar).
    public string? CalendarError { get; init; }

    public int? RoundId { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required int ApologyCount { get; init; }
}

/// A meeting booked, moved or cancelled. InvitationSent: Graph sent the invitation (or update, or cancellation)
/// to the attendees. When it did not, NoInvitationReason says why in plain English and the .ics file
/// (MeetingQueries.InvitationAsync) is the way to send it from Outlook.
public sealed record MeetingChange
{
    public required MeetingView Meeting { get; init; }

    public required bool InvitationSent { get; init; }

    public string? NoInvitationReason { get; init; }

    /// Whom the reminders go to and how long before the meeting.
    public required ReminderPlan Reminders { get; init; }

    /// Reminder messages queued (members × offsets still ahead).
    public int RemindersQueued => Reminders.Count;

    /// Reminder messages no longer wanted (a move re-plans them; a cancellation drops them).
    public int RemindersCancelled { get; init; }

    /// For a steering group meeting: what happened to the quarter's update round; null otherwise.
    public RoundPlan? Round { get; init; }
}

/// What scheduling or moving a steering group meeting did to its quarter's round (IMeetingRounds decides): the
/// round's prompt and deadline as they now stand, or would if it opened.
public sealed record RoundPlan(RoundPlanOutcome Outcome, string Message, int? RoundId, DateTimeOffset PromptAt, DateTimeOffset DeadlineAt);

public enum RoundPlanOutcome
{
    /// No round yet: it opens by itself on the prompt date (the dispatch job).
    Planned,
    /// The prompt date had come: the round was opened now.
    Opened,
    /// The quarter's open round now counts back from this meeting.
    Adjusted,
    /// The quarter's round was left as it is (closed, or its dates could not follow); Message says why.
    Unchanged,
}

public sealed record ApologyView(int MeetingId, int PersonId, string PersonName, string? Note, DateTimeOffset SentAt);

public sealed record ResponsesView(MeetingView Meeting, IReadOnlyList<AttendeeResponse> Responses);

/// An .ics file to download and send from Outlook.
public sealed record IcsFile(string FileName, string ContentType, string Content);

/// A group member OspBot cannot message yet, and why (not linked to Teams, or no chat with OspBot).
public sealed record MemberReach(int PersonId, string Name, string? Email, string GroupName, string Reason);

/// What a member's reminder card shows (MeetingReminders.ReminderViewAsync).
public sealed record MeetingReminderView
{
    public required int MeetingId { get; init; }

    public required string Title { get; init; }

    public required string GroupName { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// Goes up each time the meeting moves: an invitation's .ics carries it so calendars replace the earlier copy.
    public int Sequence { get; init; }

    /// "Mon 30 Mar 2026 10:00–11:00 (London time)".
    public required string When { get; init; }

    public string? JoinUrl { get; init; }

    public string? Agenda { get; init; }

    public required bool IsSteeringGroup { get; init; }

    /// The quarter's update round (steering group meetings), for a "Read the updates" button.
    public int? RoundId { get; init; }

    public string? QuarterLabel { get; init; }

    /// The steering group's meeting pack, a download link issued to this member (IMeetingPackLink).
    public Uri? PackUrl { get; init; }

    public required int PersonId { get; init; }

    public required bool ApologiesSent { get; init; }
}

/// The outcome of a meeting action. Expected failures are results, never exceptions.
public abstract record MeetingResult<T>
{
    private MeetingResult()
    {
    }

    public sealed record Done(T Value) : MeetingResult<T>;

    /// Bad input (past, end before start, no members...): nothing was stored or sent.
    public sealed record Invalid(IReadOnlyList<string> Errors) : MeetingResult<T>;

    public sealed record Refused(Refusal Refusal) : MeetingResult<T>;

    /// Only Microsoft Graph can do this, and it is not configured: Message says so plainly.
    public sealed record NeedsCalendar(string Message) : MeetingResult<T>;

    /// Graph failed. Retryable: an outage; the meeting (if any) is kept as PendingCalendar and can be retried.
    /// Otherwise (401/403/404...) nothing was kept. Message names what to fix.
    public sealed record CalendarFailed(string Message, bool Retryable, MeetingView? Meeting) : MeetingResult<T>;
}

/// The reminders queued for a meeting: each of People gets one at each offset before it (those still ahead).
public sealed record ReminderPlan(int People, IReadOnlyList<TimeSpan> Offsets)
{
    public static ReminderPlan None { get; } = new(0, []);

    public int Count => People * Offsets.Count;
}
