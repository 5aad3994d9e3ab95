using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Rounds;

/// The secretariat's round cards, for commands and buttons alike: a round's status card, the list of every round,
/// and any quarter's status ("status Q3 2025/26"). A closed round's card is a read-only record.
internal sealed class RoundStatusReplies(RoundViews views, TimeProvider clock)
{
    /// The status card of a round (the newest when roundId is null).
    public async Task<AdaptiveCard> StatusCardAsync(CommandCaller caller, int? roundId, CancellationToken ct) =>
        await views.StatusAsync(caller.ToActor(), roundId, ct) switch
        {
            Lookup<RoundStatusView>.Found f => RoundStatusCards.Status(RoundStatusMapper.Status(f.Value, caller.UserId ?? "", clock.GetUtcNow())),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    /// Every round with its meeting and submitted count; each button opens that round's status card.
    public async Task<AdaptiveCard> RoundsCardAsync(CommandCaller caller, CancellationToken ct) =>
        await views.RoundsAsync(caller.ToActor(), ct) switch
        {
            Lookup<IReadOnlyList<RoundSummary>>.Found f => HistoryCards.History(RoundStatusMapper.Rounds(f.Value)),
            Lookup<IReadOnlyList<RoundSummary>>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    /// "status Q3 2025/26": that quarter's round, past or open.
    public async Task<AdaptiveCard> QuarterStatusCardAsync(CommandCaller caller, string quarterText, CancellationToken ct)
    {
        if (!FinancialQuarter.TryParse(quarterText, out var quarter))
        {
            return MessageCards.Message("Which quarter?",
                "I did not recognise that quarter. Type it like \"status Q3 2025/26\", or \"rounds\" to pick from the list.");
        }
        return await views.StatusAsync(caller.ToActor(), quarter, ct) switch
        {
            Lookup<RoundStatusView>.Found f => RoundStatusCards.Status(RoundStatusMapper.Status(f.Value, caller.UserId ?? "", clock.GetUtcNow())),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            null => MessageCards.Message("No such round", $"There was no round for {quarter.Label}. Type \"rounds\" to see every round."),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }
}
