using OspBot.Outbox;

namespace OspBot.Meetings;

/// A meeting reminder as its card, unless it is no longer worth sending (recorded Cancelled, with the reason): the
/// meeting was cancelled or the person left its group after it was claimed, the bot was down past the meeting's
/// start, or past two of its reminders (only the later goes). Not sent to someone out of office.
internal sealed class MeetingReminderRenderer(MeetingReminders reminders, IMeetingPackLink packs, TimeProvider clock) : IOutboxRenderer
{
    public IReadOnlyCollection<DeliveryKind> Kinds { get; } = [DeliveryKind.MeetingReminder];

    public bool SkipsWhenAway(DeliveryKind kind) => true;

    public async Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var now = clock.GetUtcNow();
        var view = await reminders.ReminderViewAsync(work.MeetingId ?? 0, work.PersonId, ct);
        if (view is null)
        {
            return new Rendered.NotSent(DeliveryState.Cancelled, null);
        }
        if (view.Start <= now)
        {
            return new Rendered.NotSent(DeliveryState.Cancelled, DeliveryReasons.MeetingBegun);
        }
        if (await reminders.IsSupersededAsync(work.DeliveryId, ct))
        {
            return new Rendered.NotSent(DeliveryState.Cancelled, DeliveryReasons.LaterReminderDue);
        }
        if (view.IsSteeringGroup)
        {
            view = view with { PackUrl = await packs.ForAsync(view.MeetingId, view.PersonId, ct) };
        }
        return new Rendered.Message(ReminderCards.Reminder(view, now).ToJsonElement(), "Reminder: an OSP meeting is coming up");
    }
}
