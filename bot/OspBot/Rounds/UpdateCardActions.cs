using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;
using DView = OspBot.Rounds.UpdateView;

namespace OspBot.Rounds;

/// The buttons of a sub-group's update cards, each answered with the card that replaces the pressed one. Each person
/// gets their own view: the actor is always the Teams user who pressed (or whose card Teams refreshes).
internal sealed class UpdateCardActions(UpdateEditor editor, RoundStatusReplies status, IPromptExtras extras, TimeProvider clock)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// Teams asks again for a person's own view of a card it shows them (automatic refresh).
    public async Task<BotReply> RefreshAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, input) = (request.Caller, RoundCardInput.From(request.Data));
        if (caller.EntraObjectId is not { Length: > 0 })
        {
            return BotReply.With(MessageCards.NotMatched());
        }
        var mri = caller.UserId ?? "";
        return BotReply.With(input.View switch
        {
            RefreshViews.Status => await status.StatusCardAsync(caller, input.RoundId, ct),
            RefreshViews.Digest => await status.DigestCardAsync(caller, input.RoundId ?? 0, ct),
            RefreshViews.Reader => await WithUpdateAsync(request, v => UpdateReaderCards.Reader(RoundCardMapper.ReadOnly(v), mri), ct),
            RefreshViews.Section => await WithUpdateAsync(request, v => Section(v, mri, input.Section), ct),
            _ => await WithUpdateAsync(request, v => PersonalCards.Current(v, mri, Now), ct),
        });
    }

    /// Open the update, or Edit on its summary: the edit card whatever the state allows.
    public async Task<BotReply> EditAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await WithUpdateAsync(request, v => PersonalCards.Edit(v, Mri(request), Now), ct));

    /// One section alone, for a draft too long to edit in one card.
    public async Task<BotReply> EditSectionAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await WithUpdateAsync(request, v => Section(v, Mri(request), RoundCardInput.From(request.Data).Section), ct));

    public async Task<BotReply> ReadAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await WithUpdateAsync(request, v => UpdateReaderCards.Reader(RoundCardMapper.ReadOnly(v), Mri(request)), ct));

    public Task<BotReply> SaveDraftAsync(CommandRequest request, CancellationToken ct) =>
        WriteAsync(request, RoundVerbs.SaveDraft, (actor, id, input, revision) => editor.SaveDraftAsync(actor, id, input.Patch(), revision, ct), ct);

    public Task<BotReply> SubmitAsync(CommandRequest request, CancellationToken ct) =>
        WriteAsync(request, RoundVerbs.Submit, (actor, id, input, revision) => editor.SubmitAsync(actor, id, input.Patch(), revision, ct), ct);

    /// "Check how my requests will be listed": the same card, as typed, with section 4's requests listed; saves nothing.
    public async Task<BotReply> CheckRequestsAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await WithUpdateAsync(request, v => RequestCheckCard.For(v, RoundCardInput.From(request.Data), extras, Mri(request), Now), ct));

    /// The chair approves the lead's submission as it stands.
    public Task<BotReply> ApproveAsync(CommandRequest request, CancellationToken ct) =>
        WriteAsync(request, RoundVerbs.Approve, (actor, id, _, revision) => editor.ApproveAsync(actor, id, null, revision, ct), ct);

    public async Task<BotReply> RemindTomorrowAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updateId = RoundCardInput.From(request.Data).UpdateId ?? 0;
        if (await editor.RemindMeTomorrowAsync(request.Caller.ToActor(), updateId, ct) is Lookup<DateTimeOffset>.Refused r)
        {
            return BotReply.With(RoundStatusMapper.Refusal(r.Refusal));
        }
        return BotReply.With(await WithUpdateAsync(request, v => PersonalCards.Current(v, Mri(request), Now, "OK, I will remind you tomorrow."), ct));
    }

    private async Task<BotReply> WriteAsync(
        CommandRequest request, string verb, Func<Actor, int, RoundCardInput, int, Task<UpdateResult>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = RoundCardInput.From(request.Data);
        // The lead's "still stands?" answers go to their requests first, so the card that comes back shows them.
        await extras.RecordStillStandsAsync(request.Caller.ToActor(), input.StillStands(), ct);
        // A card without a version is treated as stale rather than trusted.
        var result = await write(request.Caller.ToActor(), input.UpdateId ?? 0, input, input.Version ?? -1);
        return BotReply.With(UpdateResultCards.For(verb, result, Mri(request), Now));
    }

    private AdaptiveCard Section(DView v, string mri, string? inputId)
    {
        var section = UpdateTemplate.Sections.FirstOrDefault(s => s.InputId == inputId);
        return section is null || !v.Permissions.CanEdit || v.IsLocked
            ? PersonalCards.Current(v, mri, Now)
            : UpdateEditCards.EditSection(RoundCardMapper.Edit(v, mri, Now), section);
    }

    private async Task<AdaptiveCard> WithUpdateAsync(CommandRequest request, Func<DView, AdaptiveCard> build, CancellationToken ct) =>
        await editor.GetUpdateForEditingAsync(request.Caller.ToActor(), RoundCardInput.From(request.Data).UpdateId ?? 0, ct) switch
        {
            Lookup<DView>.Found f => build(f.Value),
            Lookup<DView>.Refused r => RoundStatusMapper.Refusal(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };

    private static string Mri(CommandRequest request) => request.Caller.UserId ?? "";
}
