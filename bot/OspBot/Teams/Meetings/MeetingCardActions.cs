using Microsoft.Extensions.Options;
using OspBot.Api;
using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Teams.Meetings;

/// Answers a meeting card's button (Action.Execute or its Action.Submit fallback) with the card that replaces it.
/// The actor is always the Teams user who pressed; the meeting services decide what they may do. Service errors come
/// back on the same card, with what was typed kept.
internal sealed partial class MeetingCardActions(
    MeetingQueries queries,
    MeetingScheduler scheduler,
    MeetingChanges changes,
    MeetingReminders reminders,
    MeetingCalendarAvailability calendar,
    RoundViews rounds,
    MeetingLinks links,
    PersonLookup people,
    ScheduleOnce once,
    IOptions<MeetingOptions> options,
    TimeProvider clock,
    ILogger<MeetingCardActions> logger)
{
    public async Task<AdaptiveCard> ActAsync(string verb, MeetingInput input, TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return MessageCards.NotMatched();
        }
        var actor = Actor.FromTeams(aad);
        var id = input.MeetingId ?? 0;
        return verb switch
        {
            MeetingVerbs.Form => await FormAsync(actor, input, ct),
            MeetingVerbs.Propose => await ProposeAsync(actor, input, ct),
            MeetingVerbs.Schedule => await ScheduleAsync(actor, aad, input, ct),
            MeetingVerbs.Show => await ShowAsync(actor, aad, id, null, null, ct),
            MeetingVerbs.Move => await MoveAsync(actor, aad, id, input, ct),
            MeetingVerbs.Cancel => await CancelAsync(actor, aad, id, input, ct),
            MeetingVerbs.Retry => await RetryAsync(actor, aad, id, ct),
            MeetingVerbs.Responses => await ResponsesAsync(actor, id, ct),
            MeetingVerbs.ApologyList => await ApologiesAsync(actor, id, ct),
            MeetingVerbs.Unreachable => await UnreachableAsync(actor, id, ct),
            MeetingVerbs.List => await ListAsync(actor, ct),
            MeetingVerbs.SendApologies => await ApologiseAsync(actor, id, input, ct),
            MeetingVerbs.ReadUpdates => await UpdatesAsync(actor, aad, id, input, turn, ct),
            _ => MeetingBlocks.Message("Sorry", "I don't know that button. Type \"meetings\" to see upcoming meetings."),
        };
    }

    /// The `schedule meeting` command: the empty form, or a polite no.
    public Task<AdaptiveCard> NewFormAsync(string aadObjectId, CancellationToken ct) =>
        FormAsync(Actor.FromTeams(aadObjectId), new MeetingInput(null), ct);

    /// The `meetings` command.
    public Task<AdaptiveCard> UpcomingAsync(string aadObjectId, CancellationToken ct) => ListAsync(Actor.FromTeams(aadObjectId), ct);

    private DateTimeOffset Now => clock.GetUtcNow();

    private async Task<AdaptiveCard> ListAsync(Actor actor, CancellationToken ct) =>
        await queries.UpcomingAsync(actor, ct) switch
        {
            MeetingResult<IReadOnlyList<MeetingView>>.Done { Value: var list } => MeetingListCards.List(new()
            {
                Meetings = [.. list.Select(m => new MeetingListItem(m.MeetingId, m.Title, m.GroupName, m.Start, m.End, m.ApologyCount))],
            }),
            var other => Refusal(other, "see the meetings"),
        };

    /// A polite no for a refusal (or any other outcome a read does not expect).
    private static AdaptiveCard Refusal<T>(MeetingResult<T> result, string what) => result switch
    {
        MeetingResult<T>.Refused { Refusal.Reason: RefusalReason.NotMatched } => MessageCards.NotMatched(),
        MeetingResult<T>.Refused { Refusal.Reason: RefusalReason.NotSecretariat } =>
            MeetingBlocks.Message("Only for the secretariat", $"Sorry, only the OSP secretariat can {what}."),
        MeetingResult<T>.Refused r => MeetingBlocks.Message("Sorry", r.Refusal.Message),
        MeetingResult<T>.Invalid i => MeetingBlocks.Message("Sorry", string.Join(" ", i.Errors)),
        MeetingResult<T>.NeedsCalendar n => MeetingBlocks.Message("Needs Microsoft Graph", n.Message),
        MeetingResult<T>.CalendarFailed f => MeetingBlocks.Message("Microsoft Graph failed", f.Message),
        _ => MeetingBlocks.Message("Sorry", "Something unexpected happened; nothing was changed."),
    };
}
