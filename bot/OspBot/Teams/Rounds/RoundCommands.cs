using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Teams.Rounds;

/// The typed round commands: "my update", "status", "status {quarter}", "rounds", "open round", "history {group}". Each reads the caller,
/// asks RoundService, and sends one card per answer.
internal sealed class RoundCommands(
    UpdateEditor editor, RoundPlanner planner, RoundViews views, RoundCallers callers, RoundCardActions actions, PastRounds past, TimeProvider clock)
{
    /// False when the text is not a round command (the caller then shows help).
    public async Task<bool> TryHandleAsync(TurnContext turn, string command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var cards = command switch
        {
            "my update" or "my updates" or "update" => await MyUpdatesAsync(turn, ct),
            "status" => [await actions.StatusCardAsync(turn.Activity, null, ct)],
            "rounds" or "past rounds" => [await past.RoundsCardAsync(turn.Activity, ct)],
            _ when command.StartsWith("status ", StringComparison.Ordinal) => [await past.QuarterStatusCardAsync(turn.Activity, command["status ".Length..], ct)],
            "open round" => [await OpenRoundAsync(turn, ct)],
            _ when command.StartsWith("history ", StringComparison.Ordinal) => [await HistoryAsync(turn, command["history ".Length..].Trim(), ct)],
            _ => null,
        };
        if (cards is null)
        {
            return false;
        }
        foreach (var card in cards)
        {
            await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct);
        }
        return true;
    }

    private async Task<IReadOnlyList<AdaptiveCard>> MyUpdatesAsync(TurnContext turn, CancellationToken ct)
    {
        var caller = await callers.FindAsync(turn.Activity.From?.AadObjectId, ct);
        if (!caller.Matched)
        {
            return [MessageCards.NotMatched()];
        }
        if (!caller.HoldsSeat)
        {
            return [RoundMessageCards.NotALead()];
        }
        if (caller.CurrentUpdateIds.Count == 0)
        {
            return [RoundStatusMapper.Message("No update due", "No quarterly update round is open at the moment. I will message you when one opens.")];
        }
        var actor = Actor.FromTeams(turn.Activity.From!.AadObjectId!);
        List<AdaptiveCard> cards = [];
        foreach (var id in caller.CurrentUpdateIds)
        {
            cards.Add(await editor.GetUpdateForEditingAsync(actor, id, ct) switch
            {
                Lookup<OspBot.Rounds.UpdateView>.Found f => PersonalCards.Current(f.Value, turn.Activity.From.Id ?? "", clock.GetUtcNow()),
                Lookup<OspBot.Rounds.UpdateView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
                _ => throw new InvalidOperationException("Unknown lookup."),
            });
        }
        return cards;
    }

    private async Task<AdaptiveCard> OpenRoundAsync(TurnContext turn, CancellationToken ct)
    {
        var caller = await callers.FindAsync(turn.Activity.From?.AadObjectId, ct);
        return caller switch
        {
            { Matched: false } => MessageCards.NotMatched(),
            { IsSecretariat: false } => RoundStatusMapper.Message("Sorry", "Sorry, only the OSP secretariat can open a round."),
            _ => OpenRoundCards.OpenRound(OpenRoundForm.Model(clock.GetUtcNow(), [], suggested: await planner.SuggestRoundAsync(ct))),
        };
    }

    private async Task<AdaptiveCard> HistoryAsync(TurnContext turn, string groupKey, CancellationToken ct)
    {
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return MessageCards.NotMatched();
        }
        return await views.HistoryAsync(Actor.FromTeams(aad), groupKey, ct) switch
        {
            Lookup<IReadOnlyList<OspBot.Rounds.HistoryEntry>>.Found f => HistoryCards.History(RoundStatusMapper.History(groupKey, f.Value)),
            Lookup<IReadOnlyList<OspBot.Rounds.HistoryEntry>>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }
}
