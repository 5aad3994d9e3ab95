using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Meetings;

/// What the secretariat reads about meetings: the groups to book for, upcoming meetings, attendees' responses (Graph),
/// apologies, the .ics invitation, and members OspBot cannot reach. Only the secretariat reads them.
internal sealed class MeetingQueries(OspDbContext db, MeetingCalendarAvailability calendars, TimeProvider clock)
{
    private IMeetingCalendar? Calendar => calendars.Calendar;

    /// The groups the secretariat can book for, steering group first.
    public async Task<MeetingResult<IReadOnlyList<MeetingGroup>>> GroupsAsync(Actor actor, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<MeetingGroup>>.Refused(refused);
        }
        var groups = await db.Groups.AsNoTracking()
            .OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new MeetingGroup(g.Id, g.Key, g.Name, g.Kind, g.Memberships.Count(m => !m.Person!.IsVacant)))
            .ToListAsync(ct);
        return new MeetingResult<IReadOnlyList<MeetingGroup>>.Done(groups);
    }

    public async Task<MeetingResult<MeetingView>> GetAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<MeetingView>.Refused(refused);
        }
        return await db.MeetingViewAsync(meetingId, ct) is { } view
            ? new MeetingResult<MeetingView>.Done(view)
            : new MeetingResult<MeetingView>.Refused(MeetingData.NotFound());
    }

    /// Meetings not yet over (scheduled, or waiting for the calendar), soonest first.
    public async Task<MeetingResult<IReadOnlyList<MeetingView>>> UpcomingAsync(Actor actor, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<MeetingView>>.Refused(refused);
        }
        var now = clock.GetUtcNow();
        var views = await MeetingData.MeetingViewsAsync(db.Meetings.Where(m => m.State != MeetingState.Cancelled && m.EndsAt > now), ct);
        return new MeetingResult<IReadOnlyList<MeetingView>>.Done([.. views.OrderBy(v => v.Start)]);
    }

    /// Accepted / tentative / declined / none for each attendee, from the organiser's calendar (needs Graph).
    public async Task<MeetingResult<ResponsesView>> GetResponsesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<ResponsesView>.Refused(refused);
        }
        if (await db.MeetingViewAsync(meetingId, ct) is not { } view)
        {
            return new MeetingResult<ResponsesView>.Refused(MeetingData.NotFound());
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

    /// The apologies for the minutes, by name.
    public async Task<MeetingResult<IReadOnlyList<ApologyView>>> ListApologiesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<ApologyView>>.Refused(refused);
        }
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
        {
            return new MeetingResult<IReadOnlyList<ApologyView>>.Refused(MeetingData.NotFound());
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
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IcsFile>.Refused(refused);
        }
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new MeetingResult<IcsFile>.Refused(MeetingData.NotFound());
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
        var members = await db.MembersAsync(meeting.GroupId, ct) ?? [];
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
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<MemberReach>>.Refused(refused);
        }
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => (groupId == null || m.GroupId == groupId) && !m.Person!.IsVacant)
            .Select(m => new
            {
                m.PersonId,
                m.Person!.Name,
                m.Person.Email,
                m.Person.EntraObjectId,
                GroupName = m.Group!.Name,
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
