using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Rounds;

/// The typed round commands: "my update", "status" (or "status Q3 2025/26"), "rounds", "open round", "history
/// {sub-group}" (and the history picker's buttons). Each asks the round services and answers with cards.
internal sealed class RoundCommands(
    UpdateEditor editor, RoundPlanner planner, RoundViews views, SubGroupFinder finder, RoundStatusReplies status, TimeProvider clock)
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

    /// "history Stronger Communities", "history stronger" or the key: one sub-group's updates over time; a picker when
    /// the words name no sub-group or several, or none were typed.
    public async Task<BotReply> HistoryAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = request.Argument;
        switch (await finder.FindAsync(request.Caller.ToActor(), typed, ct))
        {
            case Lookup<SubGroupChoice>.Refused r:
                return BotReply.With(RoundStatusMapper.Refusal(r.Refusal));
            case Lookup<SubGroupChoice>.Found { Value.Matches: [var only] }:
                return await HistoryOfAsync(request, only, ct);
            case Lookup<SubGroupChoice>.Found f:
                return BotReply.With(HistoryCards.SubGroupPicker(new SubGroupPickerModel
                {
                    Typed = typed,
                    Ambiguous = f.Value.Matches.Count > 1,
                    SubGroups = [.. (f.Value.Matches.Count > 1 ? f.Value.Matches : f.Value.Readable).Select(g => new Cards.Rounds.SubGroupChoice(g.Key, g.Name))],
                }));
            default:
                throw new InvalidOperationException("Unknown lookup.");
        }
    }

    /// The picker's button: the sub-group it carries, by key.
    public async Task<BotReply> SubGroupHistoryAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Data is { } data && data.ValueKind == System.Text.Json.JsonValueKind.Object
            && data.TryGetProperty(RoundData.SubGroupKey, out var value) ? value.GetString() ?? "" : "";
        return await HistoryAsync(request with { Argument = key }, ct);
    }

    private async Task<BotReply> HistoryOfAsync(CommandRequest request, SubGroupName group, CancellationToken ct) =>
        BotReply.With(await views.HistoryAsync(request.Caller.ToActor(), group.Key, ct) switch
        {
            Lookup<IReadOnlyList<HistoryEntry>>.Found f => HistoryCards.History(RoundStatusMapper.History(group.Name, f.Value)),
            Lookup<IReadOnlyList<HistoryEntry>>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        });
}
