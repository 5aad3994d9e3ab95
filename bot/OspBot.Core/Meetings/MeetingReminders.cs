using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Meetings;

/// A meeting's reminders are outbox deliveries (kind MeetingReminder) that the every-minute dispatch job sends when
/// due: the same claim that makes prompts exactly-once, restart-proof and shared safely between instances. A move
/// cancels the pending ones and plans new ones under the next Sequence (keys carry it); a cancellation cancels them.
internal sealed class MeetingReminders(
    OspDbContext db, DeliveryQueue deliveries, IMeetingRounds rounds, TimeProvider clock, IOptions<MeetingOptions> options)
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
    public async Task<ReminderPlan> QueueAsync(Meeting meeting, IReadOnlyList<MemberRow> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(members);
        var now = clock.GetUtcNow();
        var ahead = ReminderInstants(meeting.StartsAt, options.Value.Offsets).Where(r => r.DueAt > now).ToList();
        foreach (var (offset, dueAt) in ahead)
        {
            foreach (var member in members)
            {
                var delivery = Delivery.Pending(DeliveryKind.MeetingReminder, member.PersonId, ReminderKey(meeting.Id, meeting.Sequence, offset, member.PersonId), dueAt);
                delivery.MeetingId = meeting.Id;
                db.Deliveries.Add(delivery);
            }
        }
        await db.SaveChangesAsync(ct);
        return new ReminderPlan(ahead.Count == 0 ? 0 : members.Count, [.. ahead.Select(r => r.Offset)]);
    }

    /// Without a calendar (Graph) to invite them, one invitation per member with an e-mail address, due now; the mail
    /// channel sends it with the .ics attached to those it reaches by e-mail.
    public async Task<int> QueueInvitationsAsync(Meeting meeting, IReadOnlyList<MemberRow> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(members);
        var invited = members.Where(m => MeetingRules.IsEmail(m.Email)).ToList();
        await deliveries.QueueAsync([.. invited.Select(m =>
        {
            var delivery = Delivery.Pending(DeliveryKind.MeetingInvite, m.PersonId,
                string.Create(CultureInfo.InvariantCulture, $"invite:{meeting.Id}:{meeting.Sequence}:{m.PersonId}"), clock.GetUtcNow());
            delivery.MeetingId = meeting.Id;
            return delivery;
        })], ct);
        return invited.Count;
    }

    /// After a cancellation without a calendar, one cancellation (.ics METHOD:CANCEL) to each member whose invitation
    /// went, or may have gone, by e-mail: the others never had it in their calendar from us.
    public async Task<int> QueueCancellationsAsync(Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var invited = await db.Deliveries.AsNoTracking()
            .Where(d => d.MeetingId == meeting.Id && d.Kind == DeliveryKind.MeetingInvite && d.Channel == DeliveryChannel.Email
                && (d.State == DeliveryState.Sent || d.State == DeliveryState.Sending || d.State == DeliveryState.Ambiguous))
            .Select(d => d.PersonId).Distinct().ToListAsync(ct);
        await deliveries.QueueAsync([.. invited.Select(personId =>
        {
            var delivery = Delivery.Pending(DeliveryKind.MeetingCancelled, personId,
                string.Create(CultureInfo.InvariantCulture, $"cancel:{meeting.Id}:{personId}"), clock.GetUtcNow());
            delivery.MeetingId = meeting.Id;
            return delivery;
        })], ct);
        return invited.Count;
    }

    /// Cancels the pending reminders of a meeting, of one member or all.
    public Task<int> CancelAsync(int meetingId, int? personId, CancellationToken ct) =>
        deliveries.CancelPendingAsync(d => d.MeetingId == meetingId && (personId == null || d.PersonId == personId), ct);

    /// True when a later reminder of the same meeting is due for the same member too: after downtime the week-before
    /// and day-before reminders would otherwise arrive together, and only the latest is worth sending.
    public Task<bool> IsSupersededAsync(int deliveryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reminder = db.Deliveries.Where(d => d.Id == deliveryId && d.Kind == DeliveryKind.MeetingReminder);
        return db.Deliveries.AnyAsync(later => later.Kind == DeliveryKind.MeetingReminder
            && later.State != DeliveryState.Cancelled && later.DueAt <= now
            && reminder.Any(d => d.MeetingId == later.MeetingId && d.PersonId == later.PersonId && d.DueAt < later.DueAt), ct);
    }

    /// What one member's reminder shows; null when the meeting is gone or cancelled, or they left the group. With
    /// <paramref name="cancelled"/>, the same of a meeting that was cancelled (for its cancellation e-mail).
    public async Task<MeetingReminderView?> ReminderViewAsync(int meetingId, int personId, CancellationToken ct, bool cancelled = false)
    {
        var state = cancelled ? MeetingState.Cancelled : MeetingState.Scheduled;
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId && x.State == state)
            .Select(x => new
            {
                x.Id,
                x.Title,
                x.Agenda,
                x.StartsAt,
                x.EndsAt,
                x.JoinUrl,
                x.Sequence,
                x.RoundId,
                x.GroupId,
                GroupName = x.Group!.Name,
                Steering = x.Group.Kind == GroupKind.SteeringGroup,
                Member = x.Group.Memberships.Any(ms => ms.PersonId == personId),
                Apologised = x.Apologies.Any(a => a.PersonId == personId),
            })
            .SingleOrDefaultAsync(ct);
        if (m is null || !m.Member)
        {
            return null;
        }
        var round = m.Steering ? await rounds.RoundForAsync(m.StartsAt, m.RoundId, ct) : null;
        return new MeetingReminderView
        {
            MeetingId = m.Id,
            Title = m.Title,
            GroupName = m.GroupName,
            Start = m.StartsAt,
            End = m.EndsAt,
            Sequence = m.Sequence,
            When = $"{London.Format(m.StartsAt)}–{London.Local(m.EndsAt):HH:mm} (London time)",
            JoinUrl = m.JoinUrl,
            Agenda = m.Agenda,
            IsSteeringGroup = m.Steering,
            RoundId = round?.RoundId,
            QuarterLabel = round?.QuarterLabel,
            PersonId = personId,
            ApologiesSent = m.Apologised,
        };
    }
}
