using OspBot.Cards.Meetings;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Meetings;

/// A member's button on their meeting reminder: send apologies (with a note); the reminder stays, saying so.
internal sealed class MemberMeetingActions(MeetingChanges changes, MeetingReminders reminders, TimeProvider clock)
{
    public async Task<BotReply> SendApologiesAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new MeetingInput(request.Data);
        var meetingId = input.MeetingId ?? 0;
        var sent = await changes.SendApologiesAsync(request.Caller.ToActor(), meetingId, input[MeetingVerbs.ApologyNote], ct);
        if (sent is not MeetingResult<ApologyView>.Done { Value: var apology })
        {
            return BotReply.With(MeetingCardReplies.Refusal(sent, "do that"));
        }
        return BotReply.With(await reminders.ReminderViewAsync(meetingId, apology.PersonId, ct) is { } view
            ? ReminderCard.Build(MeetingCardMapper.Reminder(view, clock.GetUtcNow(), apology))
            : MeetingBlocks.Message("Apologies sent", "Thank you: your apologies were sent to the OSP secretariat."));
    }
}
