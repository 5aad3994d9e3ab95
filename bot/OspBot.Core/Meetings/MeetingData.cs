using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;

namespace OspBot.Meetings;

internal sealed record MemberRow(int PersonId, string Name, string? Email, string? EntraObjectId);

/// Reads and refusals the meeting services share.
internal static class MeetingData
{
    /// Null for the secretariat (and the scheduler); the refusal for anyone else.
    public static async Task<Refusal?> RefuseUnlessSecretariatAsync(this OspDbContext db, Actor actor, CancellationToken ct) =>
        await Caller.ResolveAsync(db, actor, ct) switch
        {
            null => Refuse(RefusalReason.NotMatched),
            { IsSecretariat: false } => Refuse(RefusalReason.NotSecretariat),
            _ => null,
        };

    public static Refusal NotFound() => Refuse(RefusalReason.NotFound);

    public static Refusal Refuse(RefusalReason reason) => TurnOutcome.Refusing(new Refusal(reason, reason switch
    {
        RefusalReason.NotMatched =>
            "Sorry, I don't know who you are yet: your Teams account isn't linked to anyone in the OSP directory. The OSP secretariat can link it.",
        RefusalReason.NotFound => "Sorry, I can't find that meeting any more.",
        RefusalReason.NoRole => "Only members of the group that meets can send apologies for this meeting.",
        RefusalReason.NotSecretariat => "Sorry, only the OSP secretariat can do that.",
        _ => "Sorry, that isn't possible.",
    }, []));

    public static async Task<MeetingView?> MeetingViewAsync(this OspDbContext db, int meetingId, CancellationToken ct) =>
        (await MeetingViewsAsync(db.Meetings.Where(m => m.Id == meetingId), ct)).SingleOrDefault();

    public static async Task<List<MeetingView>> MeetingViewsAsync(IQueryable<Meeting> meetings, CancellationToken ct) =>
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

    /// The group's members who are not vacant seats; null when the group does not exist.
    public static async Task<List<MemberRow>?> MembersAsync(this OspDbContext db, int groupId, CancellationToken ct)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct))
        {
            return null;
        }
        return await db.Memberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && !m.Person!.IsVacant)
            .OrderBy(m => m.Person!.Name)
            .Select(m => new MemberRow(m.PersonId, m.Person!.Name, m.Person.Email, m.Person.EntraObjectId))
            .ToListAsync(ct);
    }

    public static List<string> Emails(IEnumerable<MemberRow> members) =>
        [.. members.Select(m => m.Email).Where(MeetingRules.IsEmail).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static string NoEmails(List<MemberRow> members) => members.Count == 0
        ? "The group has no members to invite."
        : "None of the group's members has an e-mail address in the OSP directory, so nobody can be invited.";
}
