using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Meetings;

/// Steering group and sub-group meetings: booking them in the organiser's calendar through Graph (or, without
/// Graph, saving them with an .ics to send by hand), moving and cancelling them, their reminders (stored
/// deliveries the dispatch job sends), apologies and responses. Only the secretariat books, moves, cancels and
/// reads responses; members send apologies. Expected outcomes are MeetingResult values, never exceptions.
internal sealed partial class MeetingService(
    OspDbContext db,
    MeetingCalendarAvailability calendars,
    RoundService rounds,
    TimeProvider clock,
    IOptions<MeetingOptions> options,
    ILogger<MeetingService> logger)
{
    private MeetingOptions Options => options.Value;

    private IMeetingCalendar? Calendar => calendars.Calendar;

    /// The groups the secretariat can book for, steering group first.
    public async Task<MeetingResult<IReadOnlyList<MeetingGroup>>> GroupsAsync(Actor actor, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
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
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<MeetingView>.Refused(refused);
        }
        return await ViewAsync(meetingId, ct) is { } view
            ? new MeetingResult<MeetingView>.Done(view)
            : new MeetingResult<MeetingView>.Refused(NotFound());
    }

    /// Meetings not yet over (scheduled, or waiting for the calendar), soonest first.
    public async Task<MeetingResult<IReadOnlyList<MeetingView>>> UpcomingAsync(Actor actor, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<MeetingView>>.Refused(refused);
        }
        var now = clock.GetUtcNow();
        var views = await ViewsAsync(db.Meetings.Where(m => m.State != MeetingState.Cancelled && m.EndsAt > now), ct);
        return new MeetingResult<IReadOnlyList<MeetingView>>.Done([.. views.OrderBy(v => v.Start)]);
    }

    private async Task<Refusal?> RefuseUnlessSecretariatAsync(Actor actor, CancellationToken ct) =>
        await Caller.ResolveAsync(db, actor, ct) switch
        {
            null => Refuse(RefusalReason.NotMatched),
            { IsSecretariat: false } => Refuse(RefusalReason.NotSecretariat),
            _ => null,
        };

    private static Refusal NotFound() => Refuse(RefusalReason.NotFound);

    private static Refusal Refuse(RefusalReason reason) => new(reason, reason switch
    {
        RefusalReason.NotMatched =>
            "Sorry, I don't know who you are yet: your Teams account isn't linked to anyone in the OSP directory. The OSP secretariat can link it.",
        RefusalReason.NotFound => "Sorry, I can't find that meeting any more.",
        RefusalReason.NoRole => "Only members of the group that meets can send apologies for this meeting.",
        RefusalReason.NotSecretariat => "Sorry, only the OSP secretariat can do that.",
        _ => "Sorry, that isn't possible.",
    }, []);

    private async Task<MeetingView?> ViewAsync(int meetingId, CancellationToken ct) =>
        (await ViewsAsync(db.Meetings.Where(m => m.Id == meetingId), ct)).SingleOrDefault();

    private static async Task<List<MeetingView>> ViewsAsync(IQueryable<Meeting> meetings, CancellationToken ct) =>
        [.. (await meetings.AsNoTracking().Select(m => new MeetingView
        {
            MeetingId = m.Id,
            GroupId = m.GroupId,
            GroupKey = m.Group!.Key,
            GroupName = m.Group.Name,
            IsSteeringGroup = m.Group.Kind == GroupKind.SteeringGroup,
            Title = m.Title,
            Agenda = m.Agenda,
            Start = m.StartsAt,
            End = m.EndsAt,
            When = "",
            State = m.State,
            InCalendar = m.GraphEventId != null,
            JoinUrl = m.JoinUrl,
            WebLink = m.WebLink,
            Organiser = m.Organiser,
            CalendarError = m.CalendarError,
            RoundId = m.RoundId,
            CreatedBy = m.CreatedBy == null ? Caller.Scheduler.Name : m.CreatedBy.Name,
            CreatedAt = m.CreatedAt,
            ApologyCount = m.Apologies.Count,
        }).ToListAsync(ct)).Select(v => v with { When = London.Format(v.Start) })];
}
