using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Graph;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Meetings;

internal sealed partial class MeetingService
{
    /// Accepted / tentative / declined / none for each attendee, from the organiser's calendar (needs Graph).
    public async Task<MeetingResult<ResponsesView>> GetResponsesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<ResponsesView>.Refused(refused);
        }
        if (await ViewAsync(meetingId, ct) is not { } view)
        {
            return new MeetingResult<ResponsesView>.Refused(NotFound());
        }
        var eventId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.GraphEventId).SingleAsync(ct);
        if (Calendar is not { } calendar || eventId is null)
        {
            return new MeetingResult<ResponsesView>.NeedsCalendar(Calendar is null
                ? "Responses come from Outlook through Microsoft Graph, which is not configured: with an .ics invitation OspBot cannot see who accepted. Check your Outlook calendar instead."
                : "The meeting is not in the calendar yet (Microsoft Graph was unavailable when it was booked), so there are no responses to read.");
        }
        try
        {
            return new MeetingResult<ResponsesView>.Done(new ResponsesView(view, await calendar.GetResponsesAsync(eventId, ct)));
        }
        catch (CalendarException e)
        {
            return new MeetingResult<ResponsesView>.CalendarFailed(e.Message, e.IsRetryable, view);
        }
    }

    /// A member's apologies (again: the note is updated). Their remaining reminders for it are dropped.
    public async Task<MeetingResult<ApologyView>> SendApologiesAsync(Actor actor, int meetingId, string? note, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller?.PersonId is not { } personId)
        {
            return new MeetingResult<ApologyView>.Refused(Refuse(RefusalReason.NotMatched));
        }
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<ApologyView>.Refused(NotFound());
        }
        if (caller.RoleIn(meeting.GroupId) is null)
        {
            return new MeetingResult<ApologyView>.Refused(Refuse(RefusalReason.NoRole));
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
        await CancelRemindersAsync(meetingId, personId, ct);
        logger.ApologiesSent(meetingId, personId);
        return new MeetingResult<ApologyView>.Done(new ApologyView(meetingId, personId, caller.Name, text, now));
    }

    /// The apologies for the minutes, by name.
    public async Task<MeetingResult<IReadOnlyList<ApologyView>>> ListApologiesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<ApologyView>>.Refused(refused);
        }
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
        {
            return new MeetingResult<IReadOnlyList<ApologyView>>.Refused(NotFound());
        }
        var list = await db.MeetingApologies.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Person!.Name)
            .Select(a => new ApologyView(a.MeetingId, a.PersonId, a.Person!.Name, a.Note, a.SentAt))
            .ToListAsync(ct);
        return new MeetingResult<IReadOnlyList<ApologyView>>.Done(list);
    }

    /// The meeting as an .ics file (a cancellation once cancelled), organised by the caller, for Outlook.
    public async Task<MeetingResult<IcsFile>> InvitationAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IcsFile>.Refused(refused);
        }
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<IcsFile>.Refused(NotFound());
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var organiser = await db.People.AsNoTracking()
            .Where(p => p.Id == caller!.PersonId || (p.IsSecretariat && !p.IsVacant))
            .OrderBy(p => p.Id == caller!.PersonId ? 0 : 1).ThenBy(p => p.Id)
            .Select(p => new IcsPerson(p.Email!, p.Name)).ToListAsync(ct);
        var from = calendars.Organiser is { } mailbox ? new IcsPerson(mailbox, "OSP secretariat") : organiser.FirstOrDefault(o => MeetingRules.IsEmail(o.Email));
        if (from is null)
        {
            return new MeetingResult<IcsFile>.Invalid(["Nobody in the secretariat has an e-mail address in the OSP directory to organise the invitation from."]);
        }
        var members = await MembersAsync(meeting.GroupId, ct) ?? [];
        var ics = new IcsMeeting
        {
            Uid = IcsInvitation.UidFor(meeting.Id.ToString(CultureInfo.InvariantCulture)),
            Sequence = meeting.Sequence,
            Subject = meeting.Title,
            Agenda = meeting.Agenda,
            Start = meeting.StartsAt,
            End = meeting.EndsAt,
            Organiser = from,
            Attendees = [.. members.Where(m => MeetingRules.IsEmail(m.Email)).Select(m => new IcsPerson(m.Email!, m.Name))],
            Location = meeting.JoinUrl,
        };
        var cancel = meeting.State == MeetingState.Cancelled;
        var content = cancel ? IcsInvitation.Cancel(ics, clock.GetUtcNow()) : IcsInvitation.Request(ics, clock.GetUtcNow());
        var name = string.Create(CultureInfo.InvariantCulture, $"osp-meeting-{meeting.Id}-{London.Local(meeting.StartsAt):yyyy-MM-dd}{(cancel ? "-cancelled" : "")}{IcsInvitation.FileExtension}");
        return new MeetingResult<IcsFile>.Done(new IcsFile(name, IcsInvitation.ContentType(cancel), content));
    }

    /// Members OspBot cannot message in Teams yet (of one group, or of all), for the secretariat to follow up.
    public async Task<MeetingResult<IReadOnlyList<MemberReach>>> MembersWithoutAppAsync(Actor actor, int? groupId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<MemberReach>>.Refused(refused);
        }
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => (groupId == null || m.GroupId == groupId) && !m.Person!.IsVacant)
            .Select(m => new
            {
                m.PersonId, m.Person!.Name, m.Person.Email, m.Person.EntraObjectId, GroupName = m.Group!.Name,
                Chat = db.Conversations.Where(c => c.UserAadObjectId == m.Person.EntraObjectId && c.ConversationType == "personal")
                    .OrderBy(c => c.UnreachableSince != null).Select(c => new { c.UnreachableSince, c.UnreachableReason }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var missing = rows
            .Where(r => r.EntraObjectId is null || r.Chat is null || r.Chat.UnreachableSince is not null)
            .Select(r => new MemberReach(r.PersonId, r.Name, r.Email, r.GroupName,
                r.EntraObjectId is null ? DeliveryReasons.NotLinked : r.Chat?.UnreachableReason ?? DeliveryReasons.AppNotInstalled))
            .OrderBy(r => r.GroupName).ThenBy(r => r.Name)
            .ToList();
        return new MeetingResult<IReadOnlyList<MemberReach>>.Done(missing);
    }
}
