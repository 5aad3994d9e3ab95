using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Escalations;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.Escalations;

public static class EscalationsFeature
{
    /// <summary>
    /// Persistent challenges escalated: the secretariat's `escalations` card flags a block a sub-group reported in two or
    /// more consecutive quarters (in any words) and a RAG amber or red two quarters running, to put on the steering
    /// group's agenda or dismiss with a note.
    /// </summary>
    public static IHostApplicationBuilder AddEscalations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEscalationServices();
        builder.Services.AddBotCommands(Declare);
        return builder;
    }

    internal static void Declare(CommandTableBuilder table) => table
        // Not in the Teams menu: its ten places are taken; `help` lists it.
        .Text<EscalationCommands>("escalations", "See challenges that persist quarter after quarter, and decide what to do", Roles.Secretariat,
            c => c.ListAsync, aliases: ["persistent challenges"], inMenu: false)
        .Card<EscalationCommands>(EscalationVerbs.Agenda, Roles.Secretariat, c => c.AgendaAsync)
        .Card<EscalationCommands>(EscalationVerbs.Dismiss, Roles.Secretariat, c => c.DismissAsync)
        .Card<EscalationCommands>(EscalationVerbs.Show, Roles.Secretariat, c => c.ShowAsync);
}

/// `escalations` and its buttons; each answers with the card again, saying what happened. The same buttons on a
/// round's status card (their data names the round) answer with that status card instead.
internal sealed class EscalationCommands(EscalationFinder finder, RoundStatusReplies status)
{
    public Task<BotReply> ListAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CardAsync(request, null, false, ct);
    }

    public Task<BotReply> AgendaAsync(CommandRequest request, CancellationToken ct) => DecideAsync(request, EscalationDecisionKind.OnAgenda, ct);

    public Task<BotReply> DismissAsync(CommandRequest request, CancellationToken ct) => DecideAsync(request, EscalationDecisionKind.Dismissed, ct);

    private async Task<BotReply> DecideAsync(CommandRequest request, EscalationDecisionKind decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = RequestCardMapper.Text(request.Data, EscalationVerbs.FlagKey) ?? "";
        var note = RequestCardMapper.Text(request.Data, EscalationVerbs.NoteId(key));
        var error = await finder.DecideAsync(request.Caller.ToActor(), key, decision, note, ct);
        var notice = error ?? (decision == EscalationDecisionKind.OnAgenda ? "Put on the steering group's agenda." : "Dismissed.");
        return RoundId(request) is { } roundId
            ? BotReply.With(await status.StatusCardAsync(request.Caller, roundId, new FlagNotice(notice, error is not null), ct))
            : await CardAsync(request, notice, error is not null, ct);
    }

    /// "Decide on the flags" on a digest or a crowded status card: that card stays (refreshed), the flags come below.
    public async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flags = await CardAsync(request, null, false, ct);
        return RoundId(request) is { } roundId
            ? BotReply.With([await status.CardAsync(request.Caller, RequestCardMapper.Text(request.Data, RoundData.View), roundId, ct), .. flags.Cards])
            : flags;
    }

    private static int? RoundId(CommandRequest request) =>
        int.TryParse(RequestCardMapper.Text(request.Data, RoundData.RoundId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task<BotReply> CardAsync(CommandRequest request, string? notice, bool isError, CancellationToken ct) =>
        BotReply.With(await finder.FlagsAsync(request.Caller.ToActor(), ct) switch
        {
            Lookup<IReadOnlyList<EscalationView>>.Found { Value: var flags } => EscalationCards.Flags(new EscalationsCardModel(
                [.. flags.Select(f => new EscalationRow(f.Key, f.GroupName, f.Summary, f.Decision switch
                {
                    EscalationDecisionKind.OnAgenda => "On the steering group's agenda.",
                    EscalationDecisionKind.Dismissed => $"Dismissed: {f.Note}",
                    _ => null,
                }))], notice, isError)),
            Lookup<IReadOnlyList<EscalationView>>.Refused r => MessageCards.Message("Sorry", r.Refusal.Message),
            _ => throw new InvalidOperationException("Unknown lookup."),
        });
}
