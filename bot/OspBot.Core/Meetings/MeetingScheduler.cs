using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Members;

namespace OspBot.Meetings;

// Ordering, so nothing is half-done: with Graph the meeting is first saved as PendingCalendar (no reminders),
// then the event is created with the meeting's TransactionId, and only then, in one transaction, is the meeting
// marked Scheduled together with its reminders. A refusal (401/403/404) removes the pending row: nothing was
// booked. An outage keeps it PendingCalendar; RetryCalendarAsync (by hand or the retry job) repeats the create
// with the same TransactionId, so Graph hands back the first event rather than booking a second. Without Graph
// the meeting and its reminders are saved in one transaction and the secretariat gets the .ics.
internal sealed class MeetingScheduler(
    OspDbContext db,
    MeetingCalendarAvailability calendars,
    MeetingReminders reminders,
    IMeetingRounds rounds,
    TimeProvider clock,
    IOptions<MeetingOptions> options,
    ILogger<MeetingScheduler> logger)
{
    private IMeetingCalendar? Calendar => calendars.Calendar;

    public async Task<MeetingResult<SlotSuggestions>> ProposeSlotsAsync(Actor actor, SlotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<SlotSuggestions>.Refused(refused);
        }
        if (Calendar is not { } calendar)
        {
            return new MeetingResult<SlotSuggestions>.NeedsCalendar(NoFreeBusy);
        }
        if (await db.MembersAsync(request.GroupId, ct) is not { } members)
        {
            return new MeetingResult<SlotSuggestions>.Refused(MeetingData.NotFound());
        }
        var emails = MeetingData.Emails(members);
        if (emails.Count == 0)
        {
            return new MeetingResult<SlotSuggestions>.Invalid([MeetingData.NoEmails(members)]);
        }
        try
        {
            return new MeetingResult<SlotSuggestions>.Done(
                await calendar.FindSlotsAsync(emails, request.WindowStart, request.WindowEnd, request.Duration, ct));
        }
        catch (CalendarException e)
        {
            return e.Reason == CalendarFailure.Invalid
                ? new MeetingResult<SlotSuggestions>.Invalid([e.Message])
                : new MeetingResult<SlotSuggestions>.CalendarFailed(e.Message, e.IsRetryable, null);
        }
    }

    public async Task<MeetingResult<MeetingChange>> ScheduleAsync(Actor actor, ScheduleMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<MeetingChange>.Refused(refused);
        }
        if (await db.MembersAsync(request.GroupId, ct) is not { } members)
        {
            return new MeetingResult<MeetingChange>.Refused(MeetingData.NotFound());
        }
        if (Problems(request.Title, request.Start, request.End, members) is { Count: > 0 } errors)
        {
            return new MeetingResult<MeetingChange>.Invalid(errors);
        }

        var caller = (await Caller.ResolveAsync(db, actor, ct))!;
        var meeting = new Meeting
        {
            GroupId = request.GroupId,
            Title = request.Title.Trim(),
            Agenda = string.IsNullOrWhiteSpace(request.Agenda) ? null : request.Agenda.Trim(),
            StartsAt = request.Start,
            EndsAt = request.End,
            Organiser = calendars.Organiser,
            State = Calendar is null ? MeetingState.Scheduled : MeetingState.PendingCalendar,
            TransactionId = Guid.NewGuid().ToString("N"),
            CreatedByPersonId = caller.PersonId,
            CreatedAt = clock.GetUtcNow(),
        };
        if (Calendar is null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            var queued = await reminders.QueueAsync(meeting, members, ct);
            await reminders.QueueInvitationsAsync(meeting, members, ct);
            await tx.CommitAsync(ct);
            logger.MeetingScheduled(meeting.Id, meeting.GroupId, caller.Name, false, queued.Count);
            return await DoneAsync(meeting.Id, invitationSent: false, MeetingInvitationFallback.NotConfigured, queued, planRound: true, ct);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await CreateEventAsync(meeting, members, caller.Name, ct);
    }

    /// Tries the calendar create again for a meeting an outage left PendingCalendar (same TransactionId).
    public async Task<MeetingResult<MeetingChange>> RetryCalendarAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<MeetingChange>.Refused(refused);
        }
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<MeetingChange>.Refused(MeetingData.NotFound());
        }
        if (meeting.State != MeetingState.PendingCalendar)
        {
            return await DoneAsync(meeting.Id, meeting.GraphEventId is not null, null, ReminderPlan.None, planRound: false, ct);
        }
        if (Calendar is null)
        {
            return new MeetingResult<MeetingChange>.NeedsCalendar(MeetingInvitationFallback.NotConfigured);
        }
        var members = await db.MembersAsync(meeting.GroupId, ct) ?? [];
        var caller = (await Caller.ResolveAsync(db, actor, ct))!;
        return await CreateEventAsync(meeting, members, caller.Name, ct);
    }

    /// A booking younger than this may still be waiting on its own first create; the retry job leaves it alone.
    internal static readonly TimeSpan BookingInProgress = TimeSpan.FromMinutes(2);

    /// Retries every meeting still waiting for its calendar event; returns how many are now booked.
    public async Task<int> RetryPendingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settled = now - BookingInProgress;
        var pending = await db.Meetings.AsNoTracking()
            .Where(m => m.State == MeetingState.PendingCalendar && m.StartsAt > now && m.CreatedAt < settled)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var booked = 0;
        foreach (var id in pending)
        {
            db.ChangeTracker.Clear();
            if (await RetryCalendarAsync(Actor.Scheduler, id, ct) is MeetingResult<MeetingChange>.Done)
            {
                booked++;
            }
        }
        return booked;
    }

    private async Task<MeetingResult<MeetingChange>> CreateEventAsync(
        Meeting meeting, IReadOnlyList<MemberRow> members, string by, CancellationToken ct)
    {
        var draft = new MeetingDraft
        {
            Subject = meeting.Title,
            Agenda = meeting.Agenda,
            Start = meeting.StartsAt,
            End = meeting.EndsAt,
            Attendees = [.. members.Where(m => MeetingRules.IsEmail(m.Email)).Select(m => new MeetingAttendee(m.Email!, m.Name))],
            TransactionId = meeting.TransactionId,
        };
        CalendarEvent created;
        try
        {
            created = await Calendar!.CreateAsync(draft, ct);
        }
        catch (CalendarException e)
        {
            return await CreateFailedAsync(meeting, e, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional, so a hand retry racing the retry job books reminders once: the loser finds it Scheduled.
        var won = await db.Meetings.Where(m => m.Id == meeting.Id && m.State == MeetingState.PendingCalendar)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, MeetingState.Scheduled)
                .SetProperty(m => m.GraphEventId, created.EventId)
                .SetProperty(m => m.JoinUrl, created.JoinUrl)
                .SetProperty(m => m.WebLink, created.WebLink)
                .SetProperty(m => m.CalendarError, (string?)null), ct);
        var queued = won == 0 ? ReminderPlan.None : await reminders.QueueAsync(meeting, members, ct);
        await tx.CommitAsync(ct);
        if (won > 0)
        {
            logger.MeetingScheduled(meeting.Id, meeting.GroupId, by, true, queued.Count);
        }
        return await DoneAsync(meeting.Id, invitationSent: true, null, queued, planRound: won > 0, ct);
    }

    private async Task<MeetingResult<MeetingChange>> CreateFailedAsync(Meeting meeting, CalendarException e, CancellationToken ct)
    {
        logger.MeetingCalendarFailed(meeting.Id, e.Reason.ToString(), e.IsRetryable);
        if (e.IsRetryable)
        {
            meeting.CalendarError = e.Message.Length <= 1024 ? e.Message : e.Message[..1024];
            await db.SaveChangesAsync(ct);
            return new MeetingResult<MeetingChange>.CalendarFailed(
                $"{e.Message} The meeting is saved as waiting for the calendar; OspBot retries it, or you can retry it now.",
                true, await db.MeetingViewAsync(meeting.Id, ct));
        }
        // Refused for good: nothing is left behind (no event was made, and no reminders were queued). Conditional,
        // so a meeting another caller has meanwhile booked is not deleted from under its event.
        db.Entry(meeting).State = EntityState.Detached;
        await db.Meetings.Where(m => m.Id == meeting.Id && m.State == MeetingState.PendingCalendar).ExecuteDeleteAsync(ct);
        return e.Reason == CalendarFailure.Invalid
            ? new MeetingResult<MeetingChange>.Invalid([e.Message])
            : new MeetingResult<MeetingChange>.CalendarFailed($"The meeting was not booked. {e.Message}", false, null);
    }

    /// The change as the card shows it; a steering group meeting booked or moved sets its quarter's round.
    internal async Task<MeetingResult<MeetingChange>> DoneAsync(
        int meetingId, bool invitationSent, string? noInvitation, ReminderPlan queued, bool planRound, CancellationToken ct)
    {
        var view = (await db.MeetingViewAsync(meetingId, ct))!;
        var round = planRound && view.IsSteeringGroup && view.State == MeetingState.Scheduled
            ? await PlanRoundAsync(meetingId, view.Start, ct)
            : null;
        return new MeetingResult<MeetingChange>.Done(new MeetingChange
        {
            Meeting = round?.RoundId is null ? view : view with { RoundId = round.RoundId },
            InvitationSent = invitationSent,
            NoInvitationReason = invitationSent ? null : noInvitation,
            Reminders = queued,
            Round = round,
        });
    }

    /// Sets (or adjusts) the quarter's round from this steering group meeting (IMeetingRounds), as Rounds:SteeringGroupMeetings does.
    private async Task<RoundPlan?> PlanRoundAsync(int meetingId, DateTimeOffset start, CancellationToken ct)
    {
        var plan = await rounds.MeetingPlannedAsync(London.Date(start), ct);
        if (plan?.RoundId is { } roundId)
        {
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(u => u.SetProperty(m => m.RoundId, roundId), ct);
        }
        return plan;
    }

    private const string NoFreeBusy =
        "Proposing free times needs Microsoft Graph to read members' free/busy, and Graph is not configured. " +
        "Give an exact time instead (the meeting is saved, reminded, and offered as an .ics file to send from Outlook), " +
        "or ask an administrator to set up Graph (Graph:ClientId and the settings in GRAPH-PERMISSIONS.md).";

    internal List<string> Problems(string? title, DateTimeOffset start, DateTimeOffset end, List<MemberRow>? members)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("The meeting needs a title.");
        }
        if (MeetingRules.TimesProblem(start, end, clock.GetUtcNow()) is { } times)
        {
            errors.Add(times);
        }
        else if (end - start > options.Value.MaxDuration)
        {
            errors.Add($"The meeting is longer than {options.Value.MaxDuration.TotalHours:0.#} hours; check the times.");
        }
        if (members is not null && (members.Count == 0 || (Calendar is not null && MeetingData.Emails(members).Count == 0)))
        {
            errors.Add(MeetingData.NoEmails(members));
        }
        return errors;
    }
}
