using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Model;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using FieldError = OspBot.Cards.Common.FieldError;

namespace OspBot.Teams.Meetings;

/// The schedule form, free times, and booking.
internal sealed partial class MeetingCardActions
{
    private async Task<AdaptiveCard> FormAsync(Actor actor, MeetingInput input, CancellationToken ct, IReadOnlyList<FieldError>? errors = null)
    {
        var found = await queries.GroupsAsync(actor, ct);
        if (found is not MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups })
        {
            return Refusal(found, "schedule meetings");
        }
        return ScheduleMeetingCards.Form(MeetingForm.Model(groups, FormId(input), calendar.IsConfigured, input.Values(), errors));
    }

    private async Task<AdaptiveCard> ProposeAsync(Actor actor, MeetingInput input, CancellationToken ct)
    {
        var found = await queries.GroupsAsync(actor, ct);
        if (found is not MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups })
        {
            return Refusal(found, "schedule meetings");
        }
        var (request, errors) = MeetingForm.ReadRange(input, groups);
        if (request is null)
        {
            return ScheduleMeetingCards.Form(MeetingForm.Model(groups, FormId(input), calendar.IsConfigured, input.Values(), errors));
        }
        var group = groups.First(g => g.GroupId == request.GroupId);
        var picker = new SlotPickerModel { FormId = FormId(input), GroupName = group.Name, Values = input.Values() };
        if (!calendar.IsConfigured)
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
                MeetingForm.Model(groups, FormId(input), calendar.IsConfigured, input.Values(), [.. i.Errors.Select(e => new FieldError("", e))])),
            var other => Refusal(other, "schedule meetings"),
        };
    }

    private async Task<AdaptiveCard> ScheduleAsync(Actor actor, string aad, MeetingInput input, CancellationToken ct)
    {
        var found = await queries.GroupsAsync(actor, ct);
        if (found is not MeetingResult<IReadOnlyList<MeetingGroup>>.Done { Value: var groups })
        {
            return Refusal(found, "schedule meetings");
        }
        var formId = FormId(input);
        AdaptiveCard Form(IEnumerable<FieldError> errors) =>
            ScheduleMeetingCards.Form(MeetingForm.Model(groups, formId, calendar.IsConfigured, input.Values(), [.. errors]));

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
                    Log.ScheduleRepeated(logger, formId, change.Meeting.MeetingId);
                }
                return await ChangedCardAsync(aad, change, Scheduled(change), ct);
            case MeetingResult<MeetingChange>.Invalid i:
                return Form(i.Errors.Select(e => new FieldError("", e)));
            case MeetingResult<MeetingChange>.CalendarFailed { Meeting: { } kept } f:
                return await ShowAsync(actor, aad, kept.MeetingId, null, f.Message, ct);
            case MeetingResult<MeetingChange>.CalendarFailed f:
                return Form([new FieldError("", f.Message)]);
            case MeetingResult<MeetingChange>.NeedsCalendar n:
                return Form([new FieldError("", n.Message)]);
            default:
                return Refusal(result, "schedule meetings");
        }
    }

    private static string Scheduled(MeetingChange change)
    {
        var reminders = change.RemindersQueued switch
        {
            0 => "No reminders are due before it.",
            1 => "1 reminder is queued.",
            var n => $"{n} reminders are queued.",
        };
        return $"Meeting scheduled. {reminders}";
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
