using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Rounds;

/// The secretariat's round cards, for commands and buttons alike: a round's status card, the list of every round,
/// and any quarter's status ("status Q3 2025/26"). A closed round's card is a read-only record. The status card and
/// digest show the flags another feature raises for the steering group (IStatusFlags), to the secretariat only.
internal sealed class RoundStatusReplies(RoundViews views, IStatusFlags flags, TimeProvider clock)
{
    /// The status card of a round (the newest when roundId is null).
    public Task<AdaptiveCard> StatusCardAsync(CommandCaller caller, int? roundId, CancellationToken ct) => StatusCardAsync(caller, roundId, null, ct);

    /// The status card with what a flag's button pressed on it came to.
    public async Task<AdaptiveCard> StatusCardAsync(CommandCaller caller, int? roundId, FlagNotice? notice, CancellationToken ct) =>
        await views.StatusAsync(caller.ToActor(), roundId, ct) switch
        {
            Lookup<RoundStatusView>.Found f => await StatusAsync(caller, f.Value, notice, ct),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    /// The status card with what the button pressed on it did, above the rows that cannot show it yet.
    public async Task<AdaptiveCard> StatusCardAsync(CommandCaller caller, int roundId, string notice, CancellationToken ct) =>
        await views.StatusAsync(caller.ToActor(), roundId, ct) switch
        {
            Lookup<RoundStatusView>.Found f => await StatusAsync(caller, f.Value, null, ct, notice),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    /// The round's digest as the caller reads it (a refresh, or a button pressed on it).
    public async Task<AdaptiveCard> DigestCardAsync(CommandCaller caller, int roundId, CancellationToken ct) =>
        await views.DigestAsync(caller.ToActor(), roundId, ct) switch
        {
            Lookup<DigestView>.Found f => await flags.DigestAsync(f.Value, caller.ToActor(), [caller.UserId ?? ""], ct),
            Lookup<DigestView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    /// The status card or the digest, by its refresh view (RefreshViews.Status or Digest).
    public Task<AdaptiveCard> CardAsync(CommandCaller caller, string? view, int roundId, CancellationToken ct) =>
        view == RefreshViews.Digest ? DigestCardAsync(caller, roundId, ct) : StatusCardAsync(caller, roundId, ct);

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
            Lookup<RoundStatusView>.Found f => await StatusAsync(caller, f.Value, null, ct),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            null => MessageCards.Message("No such round", $"There was no round for {quarter.Label}. Type \"rounds\" to see every round."),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }

    private async Task<AdaptiveCard> StatusAsync(CommandCaller caller, RoundStatusView view, FlagNotice? notice, CancellationToken ct, string? done = null) =>
        RoundStatusCards.Status(RoundStatusMapper.Status(view, caller.UserId ?? "", clock.GetUtcNow()) with
        {
            Flags = await flags.RowsAsync(caller.ToActor(), view.Round.Quarter, ct),
            FlagNotice = notice,
            Notice = done,
        });
}
