using Microsoft.EntityFrameworkCore;
using OspBot.Cards.Model;
using OspBot.Data;
using OspBot.Meetings;
using OspBot.Rounds;

namespace OspBot.Jobs.Meetings;

/// The dispatcher's card for a delivery, when meetings decide it: nothing for someone out of office (a chaser or a
/// meeting reminder is recorded OutOfOffice instead), and the reminder card for a meeting reminder, unless it is no
/// longer worth sending (recorded Cancelled, with the reason).
internal readonly record struct MeetingPreparation(bool Handled, AdaptiveCard? Card)
{
    public static readonly MeetingPreparation NotMine = new(false, null);
    public static readonly MeetingPreparation Skipped = new(true, null);
}

internal sealed class MeetingDeliveries(MeetingService meetings, OutOfOfficeCheck away, OspDbContext db, TimeProvider clock)
{
    public async Task<MeetingPreparation> PrepareAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Kind is DeliveryKind.Chaser or DeliveryKind.MeetingReminder && await away.IsAwayAsync(work.PersonId, ct))
        {
            await away.SkipAsync(work.DeliveryId, work.PersonId, ct);
            return MeetingPreparation.Skipped;
        }
        if (work.Kind != DeliveryKind.MeetingReminder)
        {
            return MeetingPreparation.NotMine;
        }
        var now = clock.GetUtcNow();
        var view = await meetings.ReminderViewAsync(work.MeetingId ?? 0, work.PersonId, ct);
        // The meeting was cancelled, or they left the group, after it was claimed; or the bot was down past its time,
        // or past two of its reminders: no longer wanted.
        var unwanted = view is null ? null
            : view.Start <= now ? DeliveryReasons.MeetingBegun
            : await meetings.IsReminderSupersededAsync(work.DeliveryId, ct) ? DeliveryReasons.LaterReminderDue
            : null;
        if (view is null || unwanted is not null)
        {
            await db.Deliveries.Where(d => d.Id == work.DeliveryId && d.State == DeliveryState.Claimed)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.LastError, unwanted), ct);
            return MeetingPreparation.Skipped;
        }
        return new(true, ReminderCards.Reminder(view, now));
    }
}
