using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using OspBot.Common;
using OspBot.Graph;
using G = Microsoft.Graph.Models;

namespace OspBot.Meetings;

/// IMeetingCalendar over Microsoft Graph, app-only, on the calendar of Graph:OrganiserMailbox.
internal sealed partial class GraphMeetingCalendar(
    GraphServiceClient graph, GraphOptions options, TimeProvider time, ILogger<GraphMeetingCalendar> logger) : IMeetingCalendar
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private readonly GraphTime _zone = new(options.TimeZone);
    private string Organiser => options.OrganiserMailbox!;

    // Suggestions come from getSchedule, not findMeetingTimes: findMeetingTimes accepts only delegated
    // permissions, and OspBot runs app-only. getSchedule gives the same free/busy and works with application permissions.
    public async Task<SlotSuggestions> FindSlotsAsync(
        IReadOnlyList<string> attendeeEmails, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attendeeEmails);
        var start = RoundUp(windowStart, Interval);
        var problem = MeetingRules.AttendeesProblem(attendeeEmails) ?? WindowProblem(start, windowEnd, duration);
        if (problem is not null)
        {
            throw CalendarException.Invalid(problem);
        }

        var body = new GetSchedulePostRequestBody
        {
            Schedules = [.. attendeeEmails],
            StartTime = _zone.ToGraph(start),
            EndTime = _zone.ToGraph(windowEnd),
            AvailabilityViewInterval = (int)Interval.TotalMinutes,
        };
        var result = await CallAsync(GraphOperation.FindSlots, Organiser, () => graph.Users[Organiser].Calendar.GetSchedule
            .PostAsGetSchedulePostResponseAsync(body, rc => rc.Headers.Add("Prefer", _zone.PreferHeader), ct), ct);

        var views = result?.Value ?? [];
        var people = attendeeEmails.Select(e => new FreeBusy(e, ViewOf(views, e))).ToList();
        return SlotFinder.Find(start, windowEnd, duration, Interval, people);
    }

    public async Task<CalendarEvent> CreateAsync(MeetingDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (MeetingRules.Problem(draft, time.GetUtcNow()) is { } problem)
        {
            throw CalendarException.Invalid(problem);
        }

        var created = await CallAsync(GraphOperation.Create, Organiser, () => graph.Users[Organiser].Events.PostAsync(
            ToGraphEvent(draft), rc => rc.Headers.Add("Prefer", _zone.PreferHeader), ct), ct);
        if (created?.Id is not { Length: > 0 } id)
        {
            throw new CalendarException(CalendarFailure.Rejected, "Microsoft Graph created the meeting but returned no event id.");
        }
        logger.CalendarEventCreated(id, Organiser, draft.TransactionId);
        return new CalendarEvent(id, created.OnlineMeeting?.JoinUrl, created.WebLink);
    }

    public async Task MoveAsync(string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, CancellationToken ct)
    {
        RequireEventId(eventId);
        if (MeetingRules.TimesProblem(newStart, newEnd, time.GetUtcNow()) is { } problem)
        {
            throw CalendarException.Invalid(problem);
        }
        var patch = new G.Event { Start = _zone.ToGraph(newStart), End = _zone.ToGraph(newEnd) };
        await CallAsync(GraphOperation.Move, Organiser, () => graph.Users[Organiser].Events[eventId].PatchAsync(patch, cancellationToken: ct), ct);
        logger.CalendarEventMoved(eventId, Organiser);
    }

    public async Task CancelAsync(string eventId, string message, CancellationToken ct)
    {
        RequireEventId(eventId);
        var body = new CancelPostRequestBody { Comment = message ?? "" };
        await CallAsync(GraphOperation.Cancel, Organiser, async () =>
        {
            await graph.Users[Organiser].Events[eventId].Cancel.PostAsync(body, cancellationToken: ct);
            return true;
        }, ct);
        logger.CalendarEventCancelled(eventId, Organiser);
    }

    public async Task<IReadOnlyList<AttendeeResponse>> GetResponsesAsync(string eventId, CancellationToken ct)
    {
        RequireEventId(eventId);
        var found = await CallAsync(GraphOperation.ReadResponses, Organiser, () => graph.Users[Organiser].Events[eventId].GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["attendees"];
            rc.Headers.Add("Prefer", _zone.PreferHeader);
        }, ct), ct);
        return [.. (found?.Attendees ?? []).Select(ToResponse)];
    }

    private static void RequireEventId(string eventId)
    {
        if (string.IsNullOrWhiteSpace(eventId))
        {
            throw CalendarException.Invalid("The meeting has no calendar event yet.");
        }
    }

    /// A person's free/busy, or null when Graph could not read it (an outside address, a mailbox it cannot see).
    private static string? ViewOf(List<G.ScheduleInformation> views, string email)
    {
        var found = views.FirstOrDefault(v => string.Equals(v.ScheduleId, email, StringComparison.OrdinalIgnoreCase));
        return found is { Error: null } ? found.AvailabilityView : null;
    }

    private static string? WindowProblem(DateTimeOffset start, DateTimeOffset end, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "The meeting needs a duration.";
        }
        if (end - start < duration)
        {
            return $"The window from {London.Format(start)} to {London.Format(end)} is shorter than the meeting.";
        }
        // Graph's getSchedule refuses windows of 62 days or more.
        return end - start > TimeSpan.FromDays(61) ? "Search at most 61 days at a time." : null;
    }

    private static DateTimeOffset RoundUp(DateTimeOffset instant, TimeSpan step) =>
        new(((instant.UtcTicks + step.Ticks - 1) / step.Ticks) * step.Ticks, TimeSpan.Zero);

    /// Runs one Graph call and maps every failure to a CalendarException; cancellation by the caller passes through.
    private async Task<T?> CallAsync<T>(GraphOperation operation, string target, Func<Task<T?>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (error is not CalendarException && !(error is OperationCanceledException && ct.IsCancellationRequested))
        {
            var failure = GraphErrors.ToCalendarException(error, operation, target);
            logger.GraphCallFailed(operation.ToString(), failure.StatusCode, failure.GraphErrorCode, failure.Reason.ToString());
            throw failure;
        }
    }
}
