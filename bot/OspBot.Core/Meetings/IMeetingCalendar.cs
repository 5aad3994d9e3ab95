using OspBot.Graph;

namespace OspBot.Meetings;

/// The organiser mailbox's calendar in Microsoft 365, as OspBot needs it. One implementation talks to Microsoft
/// Graph (<see cref="GraphMeetingCalendar"/>); tests fake this interface. Every operation either returns its
/// result or throws <see cref="CalendarException"/> with a <see cref="CalendarFailure"/> and a plain-English
/// message; nothing else escapes apart from cancellation.
public interface IMeetingCalendar
{
    /// Free times in a window for everyone invited, best first (the organiser mailbox is the configured one).
    Task<SlotSuggestions> FindSlotsAsync(
        IReadOnlyList<string> attendeeEmails, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeSpan duration, CancellationToken ct);

    /// Creates the event with a Teams meeting and invites the attendees. Retrying with the same
    /// <see cref="MeetingDraft.TransactionId"/> does not create a second event.
    Task<CalendarEvent> CreateAsync(MeetingDraft draft, CancellationToken ct);

    /// Moves the event; attendees receive the update from Exchange.
    Task MoveAsync(string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, CancellationToken ct);

    /// Cancels the event and sends attendees the message.
    Task CancelAsync(string eventId, string message, CancellationToken ct);

    Task<IReadOnlyList<AttendeeResponse>> GetResponsesAsync(string eventId, CancellationToken ct);

    /// Installs the Teams app for a person (their Entra object id or UPN); "already installed" is a success.
    Task<AppInstallOutcome> InstallAppForUserAsync(string userId, string teamsAppId, CancellationToken ct);

    Task<AutomaticReplies> GetAutomaticRepliesAsync(string userId, CancellationToken ct);
}

public sealed record MeetingAttendee(string Email, string? Name = null);

public sealed record MeetingDraft
{
    public required string Subject { get; init; }
    public string? Agenda { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required IReadOnlyList<MeetingAttendee> Attendees { get; init; }

    /// Stable per meeting (e.g. the meeting's id): Graph uses it to drop a repeated create.
    public required string TransactionId { get; init; }
}

public sealed record CalendarEvent(string EventId, string? JoinUrl, string? WebLink);

public enum Availability
{
    Free,
    Tentative,
    Busy,
    OutOfOffice,
    WorkingElsewhere,
    Unknown,
}

public sealed record AttendeeAvailability(string Email, Availability Availability);

/// A candidate time; Confidence is the percentage of attendees free for all of it (0–100).
public sealed record ProposedSlot(
    DateTimeOffset Start, DateTimeOffset End, double Confidence, IReadOnlyList<AttendeeAvailability> Attendees);

/// Slots best first; when there are none, EmptyReason says why in plain English.
public sealed record SlotSuggestions(IReadOnlyList<ProposedSlot> Slots, string? EmptyReason);

public enum ResponseStatus
{
    None,
    Accepted,
    Tentative,
    Declined,
}

public sealed record AttendeeResponse(string Email, string? Name, ResponseStatus Response, DateTimeOffset? RespondedAt);

public enum AppInstallOutcome
{
    Installed,
    AlreadyInstalled,
}

public enum AutomaticRepliesStatus
{
    Disabled,
    AlwaysEnabled,
    Scheduled,
}

/// A person's Outlook automatic replies ("out of office"); the window applies only when Scheduled.
public sealed record AutomaticReplies(AutomaticRepliesStatus Status, DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd)
{
    public bool IsOnAt(DateTimeOffset instant) => Status switch
    {
        AutomaticRepliesStatus.AlwaysEnabled => true,
        AutomaticRepliesStatus.Scheduled =>
            (ScheduledStart is null || instant >= ScheduledStart) && (ScheduledEnd is null || instant < ScheduledEnd),
        _ => false,
    };
}
