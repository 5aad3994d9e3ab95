using Microsoft.Extensions.Options;
using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Teams.Schema;
using DView = OspBot.Rounds.UpdateView;

namespace OspBot.Teams.Rounds;

/// Answers a round card's button (Action.Execute or its Action.Submit fallback) with the card that replaces it.
/// Each person gets their own view: the actor is always the Teams user who pressed.
internal sealed class RoundCardActions(
    UpdateEditor editor, RoundAdmin admin, RoundViews views, PastRounds past, IDispatchNow dispatchNow, IOptions<RoundOptions> options, TimeProvider clock)
{
    public async Task<AdaptiveCard> ActAsync(string verb, RoundCardInput input, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return MessageCards.NotMatched();
        }
        var actor = Actor.FromTeams(aad);
        var mri = activity.From.Id ?? "";
        var updateId = input.UpdateId ?? 0;
        return verb switch
        {
            RoundVerbs.Refresh => await RefreshAsync(actor, input, activity, ct),
            RoundVerbs.OpenUpdate or RoundVerbs.Edit => await WithUpdateAsync(actor, updateId, v => PersonalCards.Edit(v, mri, Now), ct),
            RoundVerbs.EditSection => await WithUpdateAsync(actor, updateId, v => Section(v, mri, input.Section), ct),
            RoundVerbs.SaveDraft or RoundVerbs.Submit or RoundVerbs.Approve => await WriteAsync(verb, actor, mri, input, ct),
            RoundVerbs.RemindTomorrow => await RemindTomorrowAsync(actor, mri, updateId, ct),
            RoundVerbs.ReadUpdate => await WithUpdateAsync(actor, updateId, v => UpdateReaderCards.Reader(RoundCardMapper.ReadOnly(v), mri), ct),
            RoundVerbs.RemindGroup => await AdminAsync(admin.RemindNowAsync(actor, updateId, ct), activity, dispatch: true, ct),
            RoundVerbs.Reopen => await AdminAsync(admin.ReopenAsync(actor, updateId, ct), activity, dispatch: false, ct),
            RoundVerbs.ShowStatus => await StatusCardAsync(activity, input.RoundId, ct),
            RoundVerbs.ShowHistory => await past.RoundsCardAsync(activity, ct),
            RoundVerbs.OpenRound => await OpenRoundAsync(actor, input, activity, ct),
            _ => RoundStatusMapper.Message("Sorry", "I don't know that button. Type \"my update\" to get your current update."),
        };
    }

    public async Task<AdaptiveCard> StatusCardAsync(Activity activity, int? roundId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return MessageCards.NotMatched();
        }
        return await views.StatusAsync(Actor.FromTeams(aad), roundId, ct) switch
        {
            Lookup<RoundStatusView>.Found f => RoundStatusCards.Status(RoundStatusMapper.Status(f.Value, activity.From.Id ?? "", Now)),
            Lookup<RoundStatusView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private async Task<AdaptiveCard> RefreshAsync(Actor actor, RoundCardInput input, Activity activity, CancellationToken ct)
    {
        var mri = activity.From?.Id ?? "";
        var updateId = input.UpdateId ?? 0;
        return input.View switch
        {
            RefreshViews.Status => await StatusCardAsync(activity, input.RoundId, ct),
            RefreshViews.Digest => await views.DigestAsync(actor, input.RoundId ?? 0, ct) switch
            {
                Lookup<DigestView>.Found f => RoundStatusCards.Digest(RoundStatusMapper.Digest(f.Value, [mri])),
                Lookup<DigestView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
                _ => throw new InvalidOperationException("Unknown lookup."),
            },
            RefreshViews.Reader => await WithUpdateAsync(actor, updateId, v => UpdateReaderCards.Reader(RoundCardMapper.ReadOnly(v), mri), ct),
            RefreshViews.Section => await WithUpdateAsync(actor, updateId, v => Section(v, mri, input.Section), ct),
            _ => await WithUpdateAsync(actor, updateId, v => PersonalCards.Current(v, mri, Now), ct),
        };
    }

    private async Task<AdaptiveCard> WriteAsync(string verb, Actor actor, string mri, RoundCardInput input, CancellationToken ct)
    {
        var updateId = input.UpdateId ?? 0;
        // A card without a version is treated as stale rather than trusted.
        var revision = input.Version ?? -1;
        var result = verb switch
        {
            RoundVerbs.SaveDraft => await editor.SaveDraftAsync(actor, updateId, input.Patch(), revision, ct),
            RoundVerbs.Submit => await editor.SubmitAsync(actor, updateId, input.Patch(), revision, ct),
            _ => await editor.ApproveAsync(actor, updateId, null, revision, ct),
        };
        return UpdateResultCards.For(verb, result, mri, Now);
    }

    private async Task<AdaptiveCard> RemindTomorrowAsync(Actor actor, string mri, int updateId, CancellationToken ct)
    {
        if (await editor.RemindMeTomorrowAsync(actor, updateId, ct) is Lookup<DateTimeOffset>.Refused r)
        {
            return RoundStatusMapper.Refusal(r.Refusal);
        }
        return await WithUpdateAsync(actor, updateId, v => PersonalCards.Current(v, mri, Now, "OK, I will remind you tomorrow."), ct);
    }

    private async Task<AdaptiveCard> AdminAsync(Task<RoundResult> action, Activity activity, bool dispatch, CancellationToken ct)
    {
        switch (await action)
        {
            case RoundResult.Done done:
                if (dispatch)
                {
                    await dispatchNow.TriggerAsync(ct);
                }
                return await StatusCardAsync(activity, done.Round.RoundId, ct);
            case RoundResult.Refused r:
                return RoundStatusMapper.Refusal(r.Refusal);
            case RoundResult.Invalid i:
                return RoundStatusMapper.Message("Sorry", string.Join(" ", i.Errors));
            default:
                return await StatusCardAsync(activity, null, ct);
        }
    }

    private async Task<AdaptiveCard> OpenRoundAsync(Actor actor, RoundCardInput input, Activity activity, CancellationToken ct)
    {
        var (request, errors) = OpenRoundForm.Read(input, options.Value);
        if (request is null)
        {
            return OpenRoundCards.OpenRound(OpenRoundForm.Model(Now, errors, input));
        }
        var result = await admin.OpenRoundAsync(actor, request, ct);
        return result switch
        {
            RoundResult.Invalid i => OpenRoundCards.OpenRound(OpenRoundForm.Model(Now, [.. i.Errors.Select(e => new OspBot.Cards.Common.FieldError("", e))], input)),
            RoundResult.AlreadyOpen a => await StatusCardAsync(activity, a.Existing.RoundId, ct),
            _ => await AdminAsync(Task.FromResult(result), activity, dispatch: true, ct),
        };
    }

    private AdaptiveCard Section(DView v, string mri, string? inputId)
    {
        var section = UpdateTemplate.Sections.FirstOrDefault(s => s.InputId == inputId);
        return section is null || !v.Permissions.CanEdit || v.IsLocked
            ? PersonalCards.Current(v, mri, Now)
            : UpdateEditCards.EditSection(RoundCardMapper.Edit(v, mri, Now), section);
    }

    private async Task<AdaptiveCard> WithUpdateAsync(Actor actor, int updateId, Func<DView, AdaptiveCard> build, CancellationToken ct) =>
        await editor.GetUpdateForEditingAsync(actor, updateId, ct) switch
        {
            Lookup<DView>.Found f => build(f.Value),
            Lookup<DView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
}
