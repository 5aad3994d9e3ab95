using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Members;
using OspBot.Rounds;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Rounds;

/// The secretariat's way into past rounds: the list of rounds ("rounds", or the status card's Past rounds
/// button) and any quarter's status card ("status Q3 2025/26"). A closed round's card is a read-only record.
internal sealed class PastRounds(RoundViews views, TimeProvider clock)
{
    /// Every round with its meeting and submitted count; each button opens that round's status card.
    public async Task<AdaptiveCard> RoundsCardAsync(Activity activity, CancellationToken ct) =>
        activity.From?.AadObjectId is not { Length: > 0 } aad
            ? MessageCards.NotMatched()
            : await views.RoundsAsync(Actor.FromTeams(aad), ct) switch
            {
                Lookup<IReadOnlyList<RoundSummary>>.Found f => HistoryCards.History(RoundStatusMapper.Rounds(f.Value)),
                Lookup<IReadOnlyList<RoundSummary>>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
                _ => throw new InvalidOperationException("Unknown lookup."),
            };

    /// "status Q3 2025/26": that quarter's round, past or open.
    public async Task<AdaptiveCard> QuarterStatusCardAsync(Activity activity, string quarterText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return MessageCards.NotMatched();
        }
        if (!FinancialQuarter.TryParse(quarterText, out var quarter))
        {
            return RoundStatusMapper.Message("Which quarter?",
                "I did not recognise that quarter. Type it like \"status Q3 2025/26\", or \"rounds\" to pick from the list.");
        }
        return await views.StatusAsync(Actor.FromTeams(aad), quarter, ct) switch
        {
            Lookup<RoundStatusView>.Found f => RoundStatusCards.Status(RoundStatusMapper.Status(f.Value, activity.From.Id ?? "", clock.GetUtcNow())),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            null => RoundStatusMapper.Message("No such round", $"There was no round for {quarter.Label}. Type \"rounds\" to see every round."),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }

}
