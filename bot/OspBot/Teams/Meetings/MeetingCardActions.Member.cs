using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Teams.Meetings;

/// A member's buttons on their reminder card: apologies, and the quarter's updates.
internal sealed partial class MeetingCardActions
{
    private async Task<AdaptiveCard> ApologiseAsync(Actor actor, int meetingId, MeetingInput input, CancellationToken ct)
    {
        var sent = await changes.SendApologiesAsync(actor, meetingId, input[MeetingVerbs.ApologyNote], ct);
        if (sent is not MeetingResult<ApologyView>.Done { Value: var apology })
        {
            return Refusal(sent, "do that");
        }
        return await reminders.ReminderViewAsync(meetingId, apology.PersonId, ct) is { } view
            ? ReminderCard.Build(MeetingCardMapper.Reminder(view, Now, apology))
            : MeetingBlocks.Message("Apologies sent", "Thank you: your apologies were sent to the OSP secretariat.");
    }

    /// The digest arrives as a message of its own below; the reminder stays as it was (with a notice if refused).
    private async Task<AdaptiveCard> UpdatesAsync(Actor actor, string aad, int meetingId, MeetingInput input, TurnContext turn, CancellationToken ct)
    {
        string? notice = null;
        switch (await rounds.DigestAsync(actor, input.Int(MeetingVerbs.RoundId) ?? 0, ct))
        {
            case Lookup<DigestView>.Found { Value: var digest }:
                var card = RoundStatusCards.Digest(RoundStatusMapper.Digest(digest, [turn.Activity.From?.Id ?? ""]));
                await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct);
                break;
            case Lookup<DigestView>.Refused { Refusal: var refusal }:
                notice = refusal.Reason == RefusalReason.NotSecretariat
                    ? "Only the OSP secretariat and the OSP chair can read every sub-group's update in Teams. The secretariat circulates them before the meeting."
                    : refusal.Message;
                break;
        }
        var personId = await people.PersonIdAsync(aad, ct);
        var view = personId is { } id ? await reminders.ReminderViewAsync(meetingId, id, ct) : null;
        if (view is null)
        {
            return MeetingBlocks.Message("Sorry", notice ?? "I can't find that meeting any more.");
        }
        return ReminderCard.Build(MeetingCardMapper.Reminder(view, Now) with { Notice = notice });
    }
}
