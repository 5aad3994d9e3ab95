using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Rounds;

namespace OspBot.Teams.Meetings;

/// The typed meeting commands (`schedule meeting`, `meetings`) and the Action.Submit fallback of meeting buttons.
internal sealed class MeetingCommands(MeetingCardActions actions)
{
    public const string Schedule = "schedule meeting";
    public const string List = "meetings";

    private static readonly string[] ScheduleAliases = [Schedule, "schedule a meeting", "new meeting"];
    private static readonly string[] ListAliases = [List, "upcoming meetings", "my meetings"];

    public static bool IsVerb(string? verb) => MeetingVerbs.IsMeetingVerb(verb);

    /// False when the message is neither a meeting command nor a meeting button's fallback.
    public async Task<bool> TryHandleMessageAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value && new MeetingInput(value) is { Verb: var verb } input && IsVerb(verb))
        {
            var answer = await actions.ActAsync(verb!, input, turn, ct);
            var reply = MessageFactory.Card(answer.ToJsonElement(), answer.FallbackText);
            await (turn.Activity.ReplyToId is { Length: > 0 } cardId
                ? turn.UpdateActivityAsync(cardId, reply, ct)
                : turn.SendActivityAsync(reply, ct));
            return true;
        }
        var command = CommandText.Normalize(turn.Activity.Text);
        var isSchedule = ScheduleAliases.Contains(command);
        if (!isSchedule && !ListAliases.Contains(command))
        {
            return false;
        }
        var card = turn.Activity.From?.AadObjectId is not { Length: > 0 } aad ? MessageCards.NotMatched()
            : isSchedule ? await actions.NewFormAsync(aad, ct)
            : await actions.UpcomingAsync(aad, ct);
        await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct);
        return true;
    }

    /// An Action.Execute invoke from a meeting card.
    public Task<OspBot.Cards.Model.AdaptiveCard> ActAsync(string verb, JsonElement? data, TurnContext turn, CancellationToken ct) =>
        actions.ActAsync(verb, new MeetingInput(data), turn, ct);
}
