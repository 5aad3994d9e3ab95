using System.Globalization;
using OspBot.Cards.Meetings;
using OspBot.Meetings;

namespace OspBot.Meetings;

/// The service's meeting views as the cards' models.
internal static class MeetingCardMapper
{
    public static MeetingCardModel Meeting(MeetingView view, MeetingCalendarAvailability calendar, DateTimeOffset now, Uri? icsUrl) => new()
    {
        MeetingId = view.MeetingId,
        Title = view.Title,
        GroupName = view.GroupName,
        IsSteeringGroup = view.IsSteeringGroup,
        Start = view.Start,
        End = view.End,
        Agenda = view.Agenda,
        JoinUrl = Url(view.JoinUrl),
        Invitation = view.InCalendar ? InvitationState.SentByGraph
            : calendar.IsConfigured ? InvitationState.Failed : InvitationState.NotConfigured,
        InvitationMessage = view.InCalendar ? null
            : view.State == MeetingState.PendingCalendar ? WaitingForCalendar(view.CalendarError)
            : view.CalendarError is { Length: > 0 } error ? $"No calendar invitation was sent yet. {error}" : calendar.Reason,
        // Graph sent the invitation itself; otherwise the file is how it reaches Outlook.
        IcsUrl = view.InCalendar ? null : icsUrl,
        IsCancelled = view.State == MeetingState.Cancelled,
        IsPast = view.End <= now,
        IsWaitingForCalendar = view.State == MeetingState.PendingCalendar,
        ApologyCount = view.ApologyCount,
    };

    // Reminders are planned only once the event exists, so the secretariat is told both.
    private static string WaitingForCalendar(string? error) =>
        $"Waiting for the calendar: Outlook has not confirmed this meeting yet, so no reminders are planned. {error} " +
        "OspBot retries by itself every few minutes, or press \"Retry the calendar booking\".";

    /// After a change: the card with what happened to the invitation and, for the steering group, the round.
    public static MeetingCardModel Changed(MeetingChange change, MeetingCalendarAvailability calendar, DateTimeOffset now, Uri? icsUrl, string done)
    {
        ArgumentNullException.ThrowIfNull(change);
        var model = Meeting(change.Meeting, calendar, now, icsUrl);
        return model with
        {
            Notice = done,
            Invitation = change.InvitationSent ? InvitationState.SentByGraph : model.Invitation,
            InvitationMessage = change.InvitationSent ? null : change.NoInvitationReason ?? model.InvitationMessage,
            IcsUrl = change.InvitationSent ? null : icsUrl,
            RoundLine = change.Round?.Message,
        };
    }

    public static IReadOnlyList<UnreachableMember> Unreachable(IEnumerable<MemberReach> members) =>
        [.. members.Select(m => new UnreachableMember(m.Name, m.Reason))];

    public static ResponsesModel Responses(ResponsesView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        ResponseLine Line(AttendeeResponse r) => new(r.Name ?? r.Email, r.RespondedAt);
        IReadOnlyList<ResponseLine> Of(ResponseStatus status) => [.. view.Responses.Where(r => r.Response == status).Select(Line)];
        return new()
        {
            MeetingId = view.Meeting.MeetingId,
            Title = view.Meeting.Title,
            Start = view.Meeting.Start,
            Accepted = Of(ResponseStatus.Accepted),
            Tentative = Of(ResponseStatus.Tentative),
            Declined = Of(ResponseStatus.Declined),
            None = Of(ResponseStatus.None),
        };
    }

    /// The reminder as the jobs send it, plus what this turn adds (the apology just sent, a notice).
    public static MeetingReminderModel Reminder(MeetingReminderView view, DateTimeOffset now, ApologyView? apology = null) => new()
    {
        MeetingId = view.MeetingId.ToString(CultureInfo.InvariantCulture),
        Title = view.Title,
        GroupName = view.GroupName,
        When = view.When,
        HowSoon = ReminderCards.HowSoon(now, view.Start),
        JoinUrl = Url(view.JoinUrl),
        Agenda = view.Agenda,
        RoundId = view.IsSteeringGroup && view.RoundId is { } round ? round.ToString(CultureInfo.InvariantCulture) : null,
        QuarterLabel = view.QuarterLabel,
        ApologiesSent = view.ApologiesSent,
        Apology = apology is null ? null : new ApologyLine(apology.PersonName, apology.Note, apology.SentAt),
    };

    /// "7 days and 1 day before", from the configured reminder offsets.
    public static string RemindersLine(IEnumerable<TimeSpan> offsets)
    {
        var parts = offsets.OrderByDescending(o => o).Select(Offset).ToList();
        return parts.Count switch
        {
            0 => "None",
            1 => $"{parts[0]} before",
            _ => $"{string.Join(", ", parts[..^1])} and {parts[^1]} before",
        };
    }

    /// "7 days", "1 day 2 hours", "20 hours 48 minutes".
    private static string Offset(TimeSpan offset)
    {
        (int N, string Unit)[] parts = [(offset.Days, "day"), (offset.Hours, "hour"), (offset.Minutes, "minute")];
        var shown = parts.Where(p => p.N > 0).Select(p => Plural(p.N, p.Unit)).ToList();
        return shown.Count == 0 ? "at the start" : string.Join(" ", shown);
    }

    private static string Plural(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");

    // Only web links become buttons: a join link is from Graph, but a bad one must not break the card.
    private static Uri? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null;
}
