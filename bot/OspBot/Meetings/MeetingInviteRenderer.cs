using OspBot.Outbox;

namespace OspBot.Meetings;

/// A meeting invitation is an e-mail with the .ics attached, which the mail channel writes; the outbox asks this
/// renderer first whether it still goes. It does while the meeting stands, has not begun and the person is still a
/// member (the card it returns then is the outbox's token of that, never shown: the delivery goes by e-mail). To
/// someone reached in Teams nothing goes: the reminders reach them there, and the secretariat sends the .ics from
/// Outlook as the scheduling card says. A cancellation goes the same way, while the cancelled meeting's time is ahead.
internal sealed class MeetingInviteRenderer(MeetingReminders reminders, TimeProvider clock) : IOutboxRenderer
{
    public IReadOnlyCollection<DeliveryKind> Kinds { get; } = [DeliveryKind.MeetingInvite, DeliveryKind.MeetingCancelled];

    public bool SkipsWhenAway(DeliveryKind kind) => false;

    public async Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var now = clock.GetUtcNow();
        if (work.Channel != DeliveryChannel.Email)
        {
            return new Rendered.NotSent(DeliveryState.Cancelled, null);
        }
        var cancellation = work.Kind == DeliveryKind.MeetingCancelled;
        var view = await reminders.ReminderViewAsync(work.MeetingId ?? 0, work.PersonId, ct, cancelled: cancellation);
        if (view is null || view.Start <= now)
        {
            return new Rendered.NotSent(DeliveryState.Cancelled, view is null ? null : DeliveryReasons.MeetingBegun);
        }
        return new Rendered.Message(ReminderCards.Reminder(view, now).ToJsonElement(), cancellation ? "Cancellation of an OSP meeting" : "Invitation to an OSP meeting");
    }
}
