using Microsoft.Extensions.Options;
using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// The secretariat's buttons on the round cards: remind a sub-group now, reopen its update, close the round (also typed,
/// "close round"), a round's status, the list of rounds, and the open-round form's Open. Each answers with the card
/// that replaces the pressed one.
internal sealed class RoundAdminActions(
    RoundAdmin admin, RoundViews views, RoundStatusReplies status, IDispatchNow dispatchNow, IOptions<RoundOptions> options, TimeProvider clock)
{
    /// The status card's Close round, or "close round" typed: the newest round not closed. The digest goes out now.
    public async Task<BotReply> CloseRoundAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((RoundCardInput.From(request.Data).RoundId ?? await views.OpenRoundIdAsync(ct)) is not { } roundId)
        {
            return BotReply.With(MessageCards.Message(
                "No round is open", "There is no quarterly update round to close. Say \"rounds\" to see the past ones."));
        }
        return await AdminAsync(request, admin.CloseRoundAsync(request.Caller.ToActor(), roundId, ct), dispatch: true, ct);
    }

    public Task<BotReply> RemindGroupAsync(CommandRequest request, CancellationToken ct) =>
        AdminAsync(request, admin.RemindNowAsync(request.Caller.ToActor(), RoundCardInput.From(request.Data).UpdateId ?? 0, ct), dispatch: true, ct,
            // The rows count reminders once they have gone, a moment later: say at once that the button did something.
            done => done.Affected switch
            {
                0 => "Nobody to remind: the sub-group has no chair or lead in the directory.",
                1 => "A reminder is on its way to 1 person; their row shows it once it has gone.",
                var n => $"A reminder is on its way to {n} people; their rows show it once it has gone.",
            });

    public Task<BotReply> ReopenAsync(CommandRequest request, CancellationToken ct) =>
        AdminAsync(request, admin.ReopenAsync(request.Caller.ToActor(), RoundCardInput.From(request.Data).UpdateId ?? 0, ct), dispatch: false, ct);

    public async Task<BotReply> ShowStatusAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(await status.StatusCardAsync(request.Caller, RoundCardInput.From(request.Data).RoundId, ct));
    }

    public async Task<BotReply> ShowRoundsAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(await status.RoundsCardAsync(request.Caller, ct));
    }

    /// The open-round form's Open: the form again with what is wrong, or the new round's status card.
    public async Task<BotReply> OpenRoundAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = RoundCardInput.From(request.Data);
        var now = clock.GetUtcNow();
        var (open, errors) = OpenRoundForm.Read(input, options.Value);
        if (open is null)
        {
            return BotReply.With(OpenRoundCards.OpenRound(OpenRoundForm.Model(now, errors, input)));
        }
        var result = await admin.OpenRoundAsync(request.Caller.ToActor(), open, ct);
        return result switch
        {
            RoundResult.Invalid i => BotReply.With(OpenRoundCards.OpenRound(OpenRoundForm.Model(now, [.. i.Errors.Select(e => new Cards.Common.FieldError("", e))], input))),
            RoundResult.AlreadyOpen a => BotReply.With(await status.StatusCardAsync(request.Caller, a.Existing.RoundId, ct)),
            _ => await AdminAsync(request, Task.FromResult(result), dispatch: true, ct),
        };
    }

    private async Task<BotReply> AdminAsync(CommandRequest request, Task<RoundResult> action, bool dispatch, CancellationToken ct,
        Func<RoundResult.Done, string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (await action)
        {
            case RoundResult.Done done:
                if (dispatch)
                {
                    await dispatchNow.TriggerAsync(ct);
                }
                return BotReply.With(notice is null
                    ? await status.StatusCardAsync(request.Caller, done.Round.RoundId, ct)
                    : await status.StatusCardAsync(request.Caller, done.Round.RoundId, notice(done), ct));
            case RoundResult.Refused r:
                return BotReply.With(RoundStatusMapper.Refusal(r.Refusal));
            case RoundResult.Invalid i:
                return BotReply.With(MessageCards.Message("Sorry", string.Join(" ", i.Errors)));
            default:
                return BotReply.With(await status.StatusCardAsync(request.Caller, null, ct));
        }
    }
}
