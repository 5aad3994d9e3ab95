using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;

namespace OspBot.Teams.Meetings;

/// The secretariat's meeting card and what its buttons do: move, cancel, responses, apologies, who cannot be reached.
internal sealed partial class MeetingCardActions
{
    private async Task<AdaptiveCard> ShowAsync(Actor actor, string aad, int meetingId, string? notice, string? error, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return Refusal(found, "see meetings");
        }
        var model = MeetingCardMapper.Meeting(view, calendar, Now, await IcsLinkAsync(aad, meetingId, ct));
        return await CardAsync(actor, model with { Notice = notice, Error = error }, view.GroupId, ct);
    }

    private async Task<AdaptiveCard> ChangedCardAsync(string aad, MeetingChange change, string done, CancellationToken ct)
    {
        var model = MeetingCardMapper.Changed(change, calendar, Now, await IcsLinkAsync(aad, change.Meeting.MeetingId, ct), done);
        return await CardAsync(Actor.FromTeams(aad), model, change.Meeting.GroupId, ct);
    }

    // Every meeting card says who cannot be reached, and how reminders are planned.
    private async Task<AdaptiveCard> CardAsync(Actor actor, MeetingCardModel model, int groupId, CancellationToken ct)
    {
        var unreachable = model.IsCancelled ? null : await queries.MembersWithoutAppAsync(actor, groupId, ct);
        return MeetingCards.Meeting(model with
        {
            Unreachable = unreachable is MeetingResult<IReadOnlyList<MemberReach>>.Done { Value: var members } ? MeetingCardMapper.Unreachable(members) : [],
            RemindersLine = MeetingCardMapper.RemindersLine(options.Value.Offsets),
        });
    }

    private async Task<AdaptiveCard> MoveAsync(Actor actor, string aad, int meetingId, MeetingInput input, CancellationToken ct)
    {
        var (request, errors) = MeetingForm.ReadMove(input, meetingId);
        if (request is null)
        {
            return await ShowAsync(actor, aad, meetingId, null, string.Join(" ", errors.Select(e => e.Message)), ct);
        }
        return await changes.MoveAsync(actor, request, ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await ChangedCardAsync(aad, change,
                $"Meeting moved to {MeetingBlocks.When(change.Meeting.Start, change.Meeting.End)}. Reminders follow it.", ct),
            var failed => await FailedAsync(actor, aad, meetingId, failed, "move meetings", ct),
        };
    }

    private async Task<AdaptiveCard> CancelAsync(Actor actor, string aad, int meetingId, MeetingInput input, CancellationToken ct) =>
        await changes.CancelAsync(actor, meetingId, input[MeetingInputs.CancelNote], ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await ChangedCardAsync(aad, change, change.InvitationSent
                ? "The meeting is cancelled. Members were sent the cancellation, and their reminders are withdrawn."
                : "The meeting is cancelled and members' reminders are withdrawn. Download the .ics cancellation and send it from Outlook.", ct),
            var failed => await FailedAsync(actor, aad, meetingId, failed, "cancel meetings", ct),
        };

    /// The calendar create again, with the meeting's transaction id: at most one event, whatever happened before.
    private async Task<AdaptiveCard> RetryAsync(Actor actor, string aad, int meetingId, CancellationToken ct) =>
        await scheduler.RetryCalendarAsync(actor, meetingId, ct) switch
        {
            MeetingResult<MeetingChange>.Done { Value: var change } => await ChangedCardAsync(aad, change, change.InvitationSent
                ? "The meeting is in the calendar now: the invitation went out from Outlook, and members' reminders are planned."
                : "The meeting is saved.", ct),
            // Refused for good: the service removed the waiting meeting, so there is no card to show it on.
            MeetingResult<MeetingChange>.CalendarFailed { Meeting: null } f => MeetingBlocks.Message("Microsoft Graph failed", f.Message),
            var failed => await FailedAsync(actor, aad, meetingId, failed, "book meetings", ct),
        };

    /// A move or cancel that did not happen: the meeting card again, with the reason on it.
    private async Task<AdaptiveCard> FailedAsync(Actor actor, string aad, int meetingId, MeetingResult<MeetingChange> result, string what, CancellationToken ct) =>
        result switch
        {
            MeetingResult<MeetingChange>.Invalid i => await ShowAsync(actor, aad, meetingId, null, string.Join(" ", i.Errors), ct),
            MeetingResult<MeetingChange>.CalendarFailed f => await ShowAsync(actor, aad, meetingId, null, f.Message, ct),
            MeetingResult<MeetingChange>.NeedsCalendar n => await ShowAsync(actor, aad, meetingId, null, n.Message, ct),
            _ => Refusal(result, what),
        };

    private async Task<AdaptiveCard> ResponsesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return Refusal(found, "see responses");
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

    private async Task<AdaptiveCard> ApologiesAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return Refusal(found, "see apologies");
        }
        var list = await queries.ListApologiesAsync(actor, meetingId, ct);
        return list is MeetingResult<IReadOnlyList<ApologyView>>.Done { Value: var apologies }
            ? MeetingListCards.Apologies(new()
            {
                MeetingId = meetingId, Title = view.Title, Start = view.Start,
                Apologies = [.. apologies.Select(a => new ApologyLine(a.PersonName, a.Note, a.SentAt))],
            })
            : Refusal(list, "see apologies");
    }

    private async Task<AdaptiveCard> UnreachableAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var found = await queries.GetAsync(actor, meetingId, ct);
        if (found is not MeetingResult<MeetingView>.Done { Value: var view })
        {
            return Refusal(found, "see who cannot be reached");
        }
        var reach = await queries.MembersWithoutAppAsync(actor, view.GroupId, ct);
        return reach is MeetingResult<IReadOnlyList<MemberReach>>.Done { Value: var members }
            ? MeetingListCards.Unreachable(new() { MeetingId = meetingId, Title = view.Title, Members = MeetingCardMapper.Unreachable(members) })
            : Refusal(reach, "see who cannot be reached");
    }

    private async Task<Uri?> IcsLinkAsync(string aad, int meetingId, CancellationToken ct) =>
        await people.PersonIdAsync(aad, ct) is { } personId ? links.Invitation(meetingId, personId) : null;
}
