using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Meetings;

internal sealed record MemberRow(int PersonId, string Name, string? Email, string? EntraObjectId);

// Reminders are stored deliveries (Delivery, kind MeetingReminder) that the every-minute dispatch job sends when due:
// the same claim that makes prompts exactly-once, restart-proof and shared safely between instances. A move
// cancels the pending ones and plans new ones under the next Sequence (keys carry it); a cancellation cancels them.
internal sealed partial class MeetingService
{
    /// The instants a meeting is reminded at: each offset taken off its London wall-clock start, so a 10:00 meeting
    /// is reminded at 10:00 local time on both sides of a BST/GMT change.
    internal static IReadOnlyList<(TimeSpan Offset, DateTimeOffset DueAt)> ReminderInstants(DateTimeOffset start, IEnumerable<TimeSpan> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var local = London.Local(start);
        return [.. offsets.OrderDescending().Select(o =>
        {
            var at = local - o;
            return (o, London.ToUtc(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at)));
        })];
    }

    internal static string ReminderKey(int meetingId, int sequence, TimeSpan offset, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{meetingId}:{sequence}:{(long)offset.TotalMinutes}:{personId}");

    /// One delivery per member and reminder still ahead; reminders whose time has passed are not sent late.
    private async Task<int> QueueRemindersAsync(Meeting meeting, IReadOnlyList<MemberRow> members, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var (offset, dueAt) in ReminderInstants(meeting.StartsAt, Options.Offsets).Where(r => r.DueAt > now))
        {
            foreach (var member in members)
            {
                db.Deliveries.Add(new Delivery
                {
                    Kind = DeliveryKind.MeetingReminder,
                    MeetingId = meeting.Id,
                    PersonId = member.PersonId,
                    IdempotencyKey = ReminderKey(meeting.Id, meeting.Sequence, offset, member.PersonId),
                    DueAt = dueAt,
                    State = DeliveryState.Pending,
                });
                queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private Task<int> CancelRemindersAsync(int meetingId, int? personId, CancellationToken ct) =>
        db.Deliveries
            .Where(d => d.MeetingId == meetingId && d.State == DeliveryState.Pending && (personId == null || d.PersonId == personId))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled), ct);

    /// True when a later reminder of the same meeting is due for the same member too: after downtime the week-before
    /// and day-before reminders would otherwise arrive together, and only the latest is worth sending.
    public Task<bool> IsReminderSupersededAsync(int deliveryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reminder = db.Deliveries.Where(d => d.Id == deliveryId && d.Kind == DeliveryKind.MeetingReminder);
        return db.Deliveries.AnyAsync(later => later.Kind == DeliveryKind.MeetingReminder
            && later.State != DeliveryState.Cancelled && later.DueAt <= now
            && reminder.Any(d => d.MeetingId == later.MeetingId && d.PersonId == later.PersonId && d.DueAt < later.DueAt), ct);
    }

    /// Every reminder of a meeting and where it stands (sent, waiting, out of office, unreachable...).
    public async Task<MeetingResult<IReadOnlyList<ReminderStatus>>> RemindersAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new MeetingResult<IReadOnlyList<ReminderStatus>>.Refused(refused);
        }
        var rows = await db.Deliveries.AsNoTracking().Where(d => d.MeetingId == meetingId)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Person!.Name)
            .Select(d => new ReminderStatus(d.Person!.Name, d.DueAt, d.State, d.LastError))
            .ToListAsync(ct);
        return new MeetingResult<IReadOnlyList<ReminderStatus>>.Done(rows);
    }

    /// What one member's reminder shows; null when the meeting is gone or cancelled, or they left the group.
    public async Task<MeetingReminderView?> ReminderViewAsync(int meetingId, int personId, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId && x.State == MeetingState.Scheduled)
            .Select(x => new
            {
                x.Id, x.Title, x.Agenda, x.StartsAt, x.EndsAt, x.JoinUrl, x.RoundId, x.GroupId, GroupName = x.Group!.Name,
                Steering = x.Group.Kind == GroupKind.SteeringGroup,
                Member = x.Group.Memberships.Any(ms => ms.PersonId == personId),
                Apologised = x.Apologies.Any(a => a.PersonId == personId),
            })
            .SingleOrDefaultAsync(ct);
        if (m is null || !m.Member)
        {
            return null;
        }
        var round = m.Steering ? await QuarterRoundAsync(m.StartsAt, m.RoundId, ct) : null;
        return new MeetingReminderView
        {
            MeetingId = m.Id,
            Title = m.Title,
            GroupName = m.GroupName,
            Start = m.StartsAt,
            End = m.EndsAt,
            When = $"{London.Format(m.StartsAt)}–{London.Local(m.EndsAt):HH:mm} (London time)",
            JoinUrl = m.JoinUrl,
            Agenda = m.Agenda,
            IsSteeringGroup = m.Steering,
            RoundId = round?.Id,
            QuarterLabel = round?.Label,
            PersonId = personId,
            ApologiesSent = m.Apologised,
        };
    }

    /// The round a steering group meeting feeds: the linked one, else the quarter's newest round.
    private async Task<(int Id, string Label)?> QuarterRoundAsync(DateTimeOffset start, int? linked, CancellationToken ct)
    {
        var quarter = RoundCalendar.QuarterOf(start);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => linked != null ? r.Id == linked : r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.FinancialYearStart, r.Quarter })
            .FirstOrDefaultAsync(ct);
        return round is null ? null : (round.Id, new FinancialQuarter(round.FinancialYearStart, round.Quarter).Label);
    }

    private async Task<List<MemberRow>?> MembersAsync(int groupId, CancellationToken ct)
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

    private static List<string> Emails(IEnumerable<MemberRow> members) =>
        [.. members.Select(m => m.Email).Where(MeetingRules.IsEmail).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string NoEmails(List<MemberRow> members) => members.Count == 0
        ? "The group has no members to invite."
        : "None of the group's members has an e-mail address in the OSP directory, so nobody can be invited.";

    private List<string> Problems(string? title, DateTimeOffset start, DateTimeOffset end, List<MemberRow>? members)
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
        else if (end - start > Options.MaxDuration)
        {
            errors.Add($"The meeting is longer than {Options.MaxDuration.TotalHours:0.#} hours; check the times.");
        }
        if (members is not null && (members.Count == 0 || (Calendar is not null && Emails(members).Count == 0)))
        {
            errors.Add(NoEmails(members));
        }
        return errors;
    }
}
