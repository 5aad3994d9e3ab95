using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Common;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Members;

namespace OspBot.Meetings;

/// Changes to a booked meeting: the secretariat moves or cancels it, a member sends apologies. Graph first, then the
/// database: when Graph refuses a move or cancellation nothing is changed here either, so the calendar and OspBot
/// never disagree about when (or whether) a meeting happens.
internal sealed class MeetingChanges(
    OspDbContext db,
    MeetingCalendarAvailability calendars,
    MeetingScheduler scheduler,
    MeetingReminders reminders,
    TimeProvider clock,
    ILogger<MeetingChanges> logger)
{
    private IMeetingCalendar? Calendar => calendars.Calendar;

    public async Task<MeetingResult<MeetingChange>> MoveAsync(Actor actor, MoveMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<MeetingChange>.Refused(refused);
        }
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == request.MeetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<MeetingChange>.Refused(MeetingData.NotFound());
        }
        if (meeting.State == MeetingState.Cancelled)
        {
            return new MeetingResult<MeetingChange>.Invalid(["This meeting was cancelled, so it cannot be moved."]);
        }
        if (scheduler.Problems(meeting.Title, request.Start, request.End, null) is { Count: > 0 } errors)
        {
            return new MeetingResult<MeetingChange>.Invalid(errors);
        }
        if (await ChangeCalendarAsync(meeting, c => c.MoveAsync(meeting.GraphEventId!, request.Start, request.End, ct), ct) is { } failed)
        {
            return failed;
        }

        var members = await db.MembersAsync(meeting.GroupId, ct) ?? [];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        meeting.StartsAt = request.Start;
        meeting.EndsAt = request.End;
        meeting.Sequence++;
        await db.SaveChangesAsync(ct);
        var cancelled = await reminders.CancelAsync(meeting.Id, null, ct);
        // A meeting still waiting for its event gets its reminders when the event is made.
        var queued = meeting.State == MeetingState.Scheduled ? await reminders.QueueAsync(meeting, members, ct) : ReminderPlan.None;
        if (meeting.State == MeetingState.Scheduled && meeting.GraphEventId is null)
        {
            // No calendar moved it for them: partners reached by e-mail get the invitation again, its SEQUENCE up.
            await reminders.QueueInvitationsAsync(meeting, members, ct);
        }
        await tx.CommitAsync(ct);
        logger.MeetingMoved(meeting.Id, meeting.Sequence, queued.Count);

        var inCalendar = meeting.GraphEventId is not null;
        var done = await scheduler.DoneAsync(meeting.Id, inCalendar, NoUpdateSent(meeting), queued, planRound: meeting.State == MeetingState.Scheduled, ct);
        return done is MeetingResult<MeetingChange>.Done d ? d with { Value = d.Value with { RemindersCancelled = cancelled } } : done;
    }

    public async Task<MeetingResult<MeetingChange>> CancelAsync(Actor actor, int meetingId, string? message, CancellationToken ct)
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
        var cancelled = 0;
        if (meeting.State != MeetingState.Cancelled)
        {
            var comment = string.IsNullOrWhiteSpace(message) ? "This meeting has been cancelled." : message.Trim();
            if (await ChangeCalendarAsync(meeting, c => c.CancelAsync(meeting.GraphEventId!, comment, ct), ct) is { } failed)
            {
                return failed;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            meeting.State = MeetingState.Cancelled;
            meeting.CancelledAt = clock.GetUtcNow();
            meeting.Sequence++;
            await db.SaveChangesAsync(ct);
            cancelled = await reminders.CancelAsync(meeting.Id, null, ct);
            if (meeting.GraphEventId is null)
            {
                await reminders.QueueCancellationsAsync(meeting, ct);
            }
            await tx.CommitAsync(ct);
            logger.MeetingCancelled(meeting.Id, cancelled);
        }
        var view = (await db.MeetingViewAsync(meeting.Id, ct))!;
        return new MeetingResult<MeetingChange>.Done(new MeetingChange
        {
            Meeting = view,
            InvitationSent = meeting.GraphEventId is not null,
            NoInvitationReason = NoUpdateSent(meeting),
            Reminders = ReminderPlan.None,
            RemindersCancelled = cancelled,
        });
    }

    /// A member's apologies (again: the note is updated). Their remaining reminders for it are dropped.
    public async Task<MeetingResult<ApologyView>> SendApologiesAsync(Actor actor, int meetingId, string? note, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller?.PersonId is not { } personId)
        {
            return new MeetingResult<ApologyView>.Refused(MeetingData.Refuse(RefusalReason.NotMatched));
        }
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<ApologyView>.Refused(MeetingData.NotFound());
        }
        if (caller.RoleIn(meeting.GroupId) is null)
        {
            return new MeetingResult<ApologyView>.Refused(MeetingData.Refuse(RefusalReason.NoRole));
        }
        var now = clock.GetUtcNow();
        if (meeting.State == MeetingState.Cancelled || meeting.EndsAt <= now)
        {
            return new MeetingResult<ApologyView>.Invalid([meeting.State == MeetingState.Cancelled
                ? "This meeting was cancelled, so no apologies are needed."
                : "This meeting is over."]);
        }
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        text = text is { Length: > 1000 } ? text[..1000] : text;
        var apology = await db.MeetingApologies.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, ct);
        if (apology is null)
        {
            apology = new MeetingApology { MeetingId = meetingId, PersonId = personId };
            db.MeetingApologies.Add(apology);
        }
        apology.Note = text;
        apology.SentAt = now;
        await db.SaveChangesAsync(ct);
        await reminders.CancelAsync(meetingId, personId, ct);
        logger.ApologiesSent(meetingId, personId);
        return new MeetingResult<ApologyView>.Done(new ApologyView(meetingId, personId, caller.Name, text, now));
    }

    /// Runs the Graph side of a change when the meeting is in the calendar; a failure means nothing changed.
    private async Task<MeetingResult<MeetingChange>?> ChangeCalendarAsync(Meeting meeting, Func<IMeetingCalendar, Task> change, CancellationToken ct)
    {
        if (meeting.GraphEventId is null)
        {
            return null;
        }
        if (Calendar is not { } calendar)
        {
            return new MeetingResult<MeetingChange>.NeedsCalendar(
                "This meeting is in the organiser's Outlook calendar, but Microsoft Graph is no longer configured, so OspBot cannot change it. " +
                "Change it in Outlook, or ask an administrator to restore the Graph settings.");
        }
        try
        {
            await change(calendar);
            return null;
        }
        catch (CalendarException e) when (e.Reason == CalendarFailure.EventNotFound)
        {
            // Deleted in Outlook meanwhile: OspBot follows (its reminders still move or go), and says so in the log.
            logger.MeetingEventGone(meeting.Id, meeting.GraphEventId);
            return null;
        }
        catch (CalendarException e)
        {
            return e.Reason == CalendarFailure.Invalid
                ? new MeetingResult<MeetingChange>.Invalid([e.Message])
                // "Nothing was changed" only when Graph said no; after a timeout its message says what is and is not known.
                : new MeetingResult<MeetingChange>.CalendarFailed(
                    e.MayHaveApplied ? e.Message : $"Nothing was changed. {e.Message}", e.IsRetryable, await db.MeetingViewAsync(meeting.Id, ct));
        }
    }

    private static string? NoUpdateSent(Meeting meeting) => meeting.GraphEventId is not null
        ? null
        : meeting.State == MeetingState.PendingCalendar
            ? "The meeting is not in the calendar yet (Microsoft Graph was unavailable), so attendees were not told; it is booked with the new details when Graph is back."
            : "No calendar update was sent to attendees because Microsoft Graph is not configured. Members reached by e-mail are sent it with the .ics; for the others, download the new .ics file and send it from Outlook.";
}
