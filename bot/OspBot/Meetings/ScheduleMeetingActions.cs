using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Common;
using OspBot.Members;
using FieldError = OspBot.Cards.Common.FieldError;

namespace OspBot.Meetings;

/// The secretariat's schedule form: the form itself (`schedule meeting`, or the list's button), free times in a date
/// range (Graph), and booking an exact time or a picked slot.
internal sealed class ScheduleMeetingActions(
    MeetingQueries queries, MeetingScheduler scheduler, MeetingCardReplies replies, ScheduleOnce once, ILogger<ScheduleMeetingActions> logger)
{
    public async Task<BotReply> FormAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new MeetingInput(request.Data);
        var found = await queries.GroupsAsync(request.Caller.ToActor(), ct);
        return BotReply.With(found is MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups }
            ? ScheduleMeetingCards.Form(MeetingForm.Model(groups, FormId(input), replies.CanFindTimes, input.Values()))
            : MeetingCardReplies.Refusal(found, "schedule meetings"));
    }

    public async Task<BotReply> ProposeAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await ProposeAsync(request.Caller.ToActor(), new MeetingInput(request.Data), ct));

    public async Task<BotReply> ScheduleAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(await ScheduleAsync(request.Caller, new MeetingInput(request.Data), ct));

    private async Task<AdaptiveCard> ProposeAsync(Actor actor, MeetingInput input, CancellationToken ct)
    {
        var found = await queries.GroupsAsync(actor, ct);
        if (found is not MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups })
        {
            return MeetingCardReplies.Refusal(found, "schedule meetings");
        }
        var (request, errors) = MeetingForm.ReadRange(input, groups);
        if (request is null)
        {
            return ScheduleMeetingCards.Form(MeetingForm.Model(groups, FormId(input), replies.CanFindTimes, input.Values(), errors));
        }
        var group = groups.First(g => g.GroupId == request.GroupId);
        var picker = new SlotPickerModel { FormId = FormId(input), GroupName = group.Name, Values = input.Values() };
        if (!replies.CanFindTimes)
        {
            return ScheduleMeetingCards.SlotPicker(picker with { EmptyReason = MeetingForm.NoFreeBusy });
        }
        return await scheduler.ProposeSlotsAsync(actor, request, ct) switch
        {
            MeetingResult<SlotSuggestions>.Done { Value: var slots } => ScheduleMeetingCards.SlotPicker(picker with
            {
                Slots = [.. slots.Slots.Select(Slot)],
                EmptyReason = slots.Slots.Count == 0 ? slots.EmptyReason : null,
            }),
            MeetingResult<SlotSuggestions>.NeedsCalendar n => ScheduleMeetingCards.SlotPicker(picker with { EmptyReason = n.Message }),
            MeetingResult<SlotSuggestions>.CalendarFailed f => ScheduleMeetingCards.SlotPicker(picker with { EmptyReason = $"{f.Message} Give an exact date and time instead." }),
            MeetingResult<SlotSuggestions>.Invalid i => ScheduleMeetingCards.Form(
                MeetingForm.Model(groups, FormId(input), replies.CanFindTimes, input.Values(), [.. i.Errors.Select(e => new FieldError("", e))])),
            var other => MeetingCardReplies.Refusal(other, "schedule meetings"),
        };
    }

    private async Task<AdaptiveCard> ScheduleAsync(CommandCaller caller, MeetingInput input, CancellationToken ct)
    {
        var actor = caller.ToActor();
        var found = await queries.GroupsAsync(actor, ct);
        if (found is not MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups })
        {
            return MeetingCardReplies.Refusal(found, "schedule meetings");
        }
        var formId = FormId(input);
        AdaptiveCard Form(IEnumerable<FieldError> errors) =>
            ScheduleMeetingCards.Form(MeetingForm.Model(groups, formId, replies.CanFindTimes, input.Values(), [.. errors]));

        var (request, errors) = MeetingForm.ReadSchedule(input, groups);
        if (request is null)
        {
            return Form(errors);
        }
        var (result, repeated) = await once.RunAsync(formId, () => scheduler.ScheduleAsync(actor, request, ct));
        switch (result)
        {
            case MeetingResult<MeetingChange>.Done { Value: var change }:
                if (repeated)
                {
                    MeetingsLog.ScheduleRepeated(logger, formId, change.Meeting.MeetingId);
                }
                return await replies.ChangedAsync(caller, change, ScheduledWording.Confirmation(change), ct);
            case MeetingResult<MeetingChange>.Invalid i:
                return Form(i.Errors.Select(e => new FieldError("", e)));
            case MeetingResult<MeetingChange>.CalendarFailed { Meeting: { } kept } f:
                return await replies.ShowAsync(caller, kept.MeetingId, null, f.Message, ct);
            case MeetingResult<MeetingChange>.CalendarFailed f:
                return Form([new FieldError("", f.Message)]);
            case MeetingResult<MeetingChange>.NeedsCalendar n:
                return Form([new FieldError("", n.Message)]);
            default:
                return MeetingCardReplies.Refusal(result, "schedule meetings");
        }
    }

    private static MeetingSlotView Slot(ProposedSlot slot) => new(slot.Start, slot.End,
        [.. slot.Attendees.Select(a => new SlotAttendee(a.Email, Availability(a.Availability), a.Availability == OspBot.Meetings.Availability.Free))]);

    private static string Availability(Availability availability) => availability switch
    {
        OspBot.Meetings.Availability.Free => "Free",
        OspBot.Meetings.Availability.Tentative => "Tentative",
        OspBot.Meetings.Availability.Busy => "Busy",
        OspBot.Meetings.Availability.OutOfOffice => "Out of office",
        OspBot.Meetings.Availability.WorkingElsewhere => "Working elsewhere",
        _ => "Unknown",
    };

    /// The form's id from its data, or a fresh one for a new form.
    private static string FormId(MeetingInput input) => input[MeetingInputs.FormId] ?? Guid.NewGuid().ToString("N");
}
