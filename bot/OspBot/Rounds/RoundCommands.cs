using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Rounds;

/// The typed round commands: "my update", "status" (or "status Q3 2025/26"), "rounds", "open round", "history
/// {sub-group}". Each asks the round services and answers with cards.
internal sealed class RoundCommands(UpdateEditor editor, RoundPlanner planner, RoundViews views, RoundStatusReplies status, TimeProvider clock)
{
    public async Task<BotReply> MyUpdateAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Caller;
        var updates = await views.CurrentUpdateIdsAsync(caller.PersonId ?? 0, ct);
        if (updates.Count == 0)
        {
            return BotReply.With(MessageCards.Message(
                "No update due", "No quarterly update round is open at the moment. I will message you when one opens."));
        }
        List<AdaptiveCard> cards = [];
        foreach (var id in updates)
        {
            cards.Add(await editor.GetUpdateForEditingAsync(caller.ToActor(), id, ct) switch
            {
                Lookup<UpdateView>.Found f => PersonalCards.Current(f.Value, caller.UserId ?? "", clock.GetUtcNow()),
                Lookup<UpdateView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
                _ => throw new InvalidOperationException("Unknown lookup."),
            });
        }
        return BotReply.With(cards);
    }

    /// "status": the newest round; "status Q3 2025/26": that quarter's.
    public async Task<BotReply> StatusAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(request.Argument.Length == 0
            ? await status.StatusCardAsync(request.Caller, null, ct)
            : await status.QuarterStatusCardAsync(request.Caller, request.Argument, ct));
    }

    public async Task<BotReply> RoundsAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(await status.RoundsCardAsync(request.Caller, ct));
    }

    public async Task<BotReply> OpenRoundAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(OpenRoundCards.OpenRound(OpenRoundForm.Model(clock.GetUtcNow(), [], suggested: await planner.SuggestRoundAsync(ct))));

    /// "history economic-development": one sub-group's updates over time.
    public async Task<BotReply> HistoryAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var groupKey = request.Argument;
        return BotReply.With(await views.HistoryAsync(request.Caller.ToActor(), groupKey, ct) switch
        {
            Lookup<IReadOnlyList<HistoryEntry>>.Found f => HistoryCards.History(RoundStatusMapper.History(groupKey, f.Value)),
            Lookup<IReadOnlyList<HistoryEntry>>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        });
    }
}
