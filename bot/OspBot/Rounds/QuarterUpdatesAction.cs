using OspBot.Cards.Meetings;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;

namespace OspBot.Rounds;

/// "Read the updates" on a steering group meeting's reminder: the quarter's digest arrives as a message of its own
/// below, and the reminder stays as it was (with a notice when the person may not read every update).
internal sealed class QuarterUpdatesAction(RoundViews views, MeetingReminders reminders, TimeProvider clock)
{
    public async Task<BotReply> ReadAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new MeetingInput(request.Data);
        string? notice = null;
        switch (await views.DigestAsync(request.Caller.ToActor(), input.Int(MeetingVerbs.RoundId) ?? 0, ct))
        {
            case Lookup<DigestView>.Found { Value: var digest }:
                await request.SendAsync(RoundStatusCards.Digest(RoundStatusMapper.Digest(digest, [request.Caller.UserId ?? ""])), ct);
                break;
            case Lookup<DigestView>.Refused { Refusal: var refusal }:
                notice = refusal.Reason == RefusalReason.NotSecretariat
                    ? "Only the OSP secretariat and the OSP chair can read every sub-group's update in Teams. The secretariat circulates them before the meeting."
                    : refusal.Message;
                break;
        }
        var view = request.Caller.PersonId is { } id ? await reminders.ReminderViewAsync(input.MeetingId ?? 0, id, ct) : null;
        return BotReply.With(view is null
            ? MeetingBlocks.Message("Sorry", notice ?? "I can't find that meeting any more.")
            : ReminderCard.Build(MeetingCardMapper.Reminder(view, clock.GetUtcNow()) with { Notice = notice }));
    }
}
