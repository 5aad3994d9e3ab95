using Microsoft.Extensions.Options;
using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Common;
using OspBot.Members;

namespace OspBot.Meetings;

/// The secretariat's meeting card, as every meeting action answers with it: the meeting, who cannot be reached, how
/// reminders are planned and (without Graph) the .ics link; and the polite no for what a caller may not do.
internal sealed class MeetingCardReplies(
    MeetingQueries queries, MeetingCalendarAvailability calendar, MeetingLinks links, IOptions<MeetingOptions> options, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public bool CanFindTimes => calendar.IsConfigured;

    public async Task<AdaptiveCard> ShowAsync(CommandCaller caller, int meetingId, string? notice, string? error, CancellationToken ct)
    {
        var found = await queries.GetAsync(caller.ToActor(), meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return Refusal(found, "see meetings");
        }
        var model = MeetingCardMapper.Meeting(view, calendar, Now, IcsLink(caller, meetingId));
        return await CardAsync(caller, model with { Notice = notice, Error = error }, view.GroupId, ct);
    }

    public Task<AdaptiveCard> ChangedAsync(CommandCaller caller, MeetingChange change, string done, CancellationToken ct) =>
        CardAsync(caller, MeetingCardMapper.Changed(change, calendar, Now, IcsLink(caller, change.Meeting.MeetingId), done), change.Meeting.GroupId, ct);

    /// A change that did not happen: the meeting card again, with the reason on it.
    public async Task<AdaptiveCard> FailedAsync(CommandCaller caller, int meetingId, MeetingResult<MeetingChange> result, string what, CancellationToken ct) =>
        result switch
        {
            MeetingResult<MeetingChange>.Invalid i => await ShowAsync(caller, meetingId, null, string.Join(" ", i.Errors), ct),
            MeetingResult<MeetingChange>.CalendarFailed f => await ShowAsync(caller, meetingId, null, f.Message, ct),
            MeetingResult<MeetingChange>.NeedsCalendar n => await ShowAsync(caller, meetingId, null, n.Message, ct),
            _ => Refusal(result, what),
        };

    /// A polite no for a refusal (or any other outcome a read does not expect).
    public static AdaptiveCard Refusal<T>(MeetingResult<T> result, string what) => result switch
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

    // Every meeting card says who cannot be reached, and how reminders are planned.
    private async Task<AdaptiveCard> CardAsync(CommandCaller caller, MeetingCardModel model, int groupId, CancellationToken ct)
    {
        var unreachable = model.IsCancelled ? null : await queries.MembersWithoutAppAsync(caller.ToActor(), groupId, ct);
        return MeetingCards.Meeting(model with
        {
            Unreachable = unreachable is MeetingResult<IReadOnlyList<MemberReach>>.Done { Value: var members } ? MeetingCardMapper.Unreachable(members) : [],
            RemindersLine = MeetingCardMapper.RemindersLine(options.Value.Offsets),
        });
    }

    private Uri? IcsLink(CommandCaller caller, int meetingId) => caller.PersonId is { } personId ? links.Invitation(meetingId, personId) : null;
}
