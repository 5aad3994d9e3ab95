using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Members;

namespace OspBot.Meetings;

/// The secretariat's meeting cards and what their buttons do: the list, a meeting, move, cancel, retry the calendar,
/// responses, apologies, who cannot be reached. Service errors come back on the same card, with what was typed kept.
internal sealed class MeetingManageActions(
    MeetingQueries queries, MeetingScheduler scheduler, MeetingChanges changes, MeetingCardReplies replies)
{
    /// `meetings`, or the list button: meetings not yet over, soonest first.
    public async Task<BotReply> ListAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(await queries.UpcomingAsync(request.Caller.ToActor(), ct) switch
        {
            MeetingResult<IReadOnlyList<MeetingView>>.Done { Value: var list } => MeetingListCards.List(new()
            {
                Meetings = [.. list.Select(m => new MeetingListItem(m.MeetingId, m.Title, m.GroupName, m.Start, m.End, m.ApologyCount))],
            }),
            var other => MeetingCardReplies.Refusal(other, "see the meetings"),
        });
    }

    public async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await replies.ShowAsync(request.Caller, Id(request), null, null, ct));

    public async Task<BotReply> MoveAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, meetingId) = (request.Caller, Id(request));
        var (move, errors) = MeetingForm.ReadMove(new MeetingInput(request.Data), meetingId);
        if (move is null)
        {
            return BotReply.With(await replies.ShowAsync(caller, meetingId, null, string.Join(" ", errors.Select(e => e.Message)), ct));
        }
        return BotReply.With(await changes.MoveAsync(caller.ToActor(), move, ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await replies.ChangedAsync(caller, change,
                $"Meeting moved to {MeetingBlocks.When(change.Meeting.Start, change.Meeting.End)}. Reminders follow it.", ct),
            var failed => await replies.FailedAsync(caller, meetingId, failed, "move meetings", ct),
        });
    }

    public async Task<BotReply> CancelAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, meetingId) = (request.Caller, Id(request));
        return BotReply.With(await changes.CancelAsync(caller.ToActor(), meetingId, new MeetingInput(request.Data)[MeetingInputs.CancelNote], ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await replies.ChangedAsync(caller, change, change.InvitationSent
                ? "The meeting is cancelled. Members were sent the cancellation, and their reminders are withdrawn."
                : "The meeting is cancelled and members' reminders are withdrawn. Download the .ics cancellation and send it from Outlook.", ct),
            var failed => await replies.FailedAsync(caller, meetingId, failed, "cancel meetings", ct),
        });
    }

    /// The calendar create again, with the meeting's transaction id: at most one event, whatever happened before.
    public async Task<BotReply> RetryAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, meetingId) = (request.Caller, Id(request));
        return BotReply.With(await scheduler.RetryCalendarAsync(caller.ToActor(), meetingId, ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await replies.ChangedAsync(caller, change, change.InvitationSent
                ? "The meeting is in the calendar now: the invitation went out from Outlook, and members' reminders are planned."
                : "The meeting is saved.", ct),
            // Refused for good: the service removed the waiting meeting, so there is no card to show it on.
            MeetingResult<MeetingChange>.CalendarFailed { Meeting: null } f => MeetingBlocks.Message("Microsoft Graph failed", f.Message),
            var failed => await replies.FailedAsync(caller, meetingId, failed, "book meetings", ct),
        });
    }

    public async Task<BotReply> ResponsesAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await ResponsesAsync(request.Caller.ToActor(), Id(request), ct));

    private async Task<AdaptiveCard> ResponsesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return MeetingCardReplies.Refusal(found, "see responses");
        }
        var empty = new ResponsesModel { MeetingId = meetingId, Title = view.Title, Start = view.Start };
        return MeetingListCards.Responses(await queries.GetResponsesAsync(actor, meetingId, ct) switch
        {
            MeetingResult<ResponsesView>.Done { Value: var responses } => MeetingCardMapper.Responses(responses),
            MeetingResult<ResponsesView>.NeedsCalendar n => empty with { Unavailable = n.Message },
            MeetingResult<ResponsesView>.CalendarFailed f => empty with { Unavailable = f.Message },
            MeetingResult<ResponsesView>.Invalid i => empty with { Unavailable = string.Join(" ", i.Errors) },
            _ => empty with { Unavailable = "Responses cannot be shown." },
        });
    }

    public async Task<BotReply> ApologiesAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await ApologiesAsync(request.Caller.ToActor(), Id(request), ct));

    private async Task<AdaptiveCard> ApologiesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return MeetingCardReplies.Refusal(found, "see apologies");
        }
        var list = await queries.ListApologiesAsync(actor, meetingId, ct);
        return list is MeetingResult<IReadOnlyList<ApologyView>>.Done { Value: var apologies }
            ? MeetingListCards.Apologies(new()
            {
                MeetingId = meetingId,
                Title = view.Title,
                Start = view.Start,
                Apologies = [.. apologies.Select(a => new ApologyLine(a.PersonName, a.Note, a.SentAt))],
            })
            : MeetingCardReplies.Refusal(list, "see apologies");
    }

    public async Task<BotReply> UnreachableAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await UnreachableAsync(request.Caller.ToActor(), Id(request), ct));

    private async Task<AdaptiveCard> UnreachableAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return MeetingCardReplies.Refusal(found, "see who cannot be reached");
        }
        var reach = await queries.MembersWithoutAppAsync(actor, view.GroupId, ct);
        return reach is MeetingResult<IReadOnlyList<MemberReach>>.Done { Value: var members }
            ? MeetingListCards.Unreachable(new() { MeetingId = meetingId, Title = view.Title, Members = MeetingCardMapper.Unreachable(members) })
            : MeetingCardReplies.Refusal(reach, "see who cannot be reached");
    }

    private static int Id(CommandRequest request) => new MeetingInput(request.Data).MeetingId ?? 0;
}
