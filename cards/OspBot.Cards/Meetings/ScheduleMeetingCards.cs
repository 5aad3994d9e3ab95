using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// The secretariat's schedule form and the slot picker that follows "Find free times".
internal static class ScheduleMeetingCards
{
    public const string FormHeading = "Schedule a meeting";
    public const string PickerHeading = "Pick a time";
    public const string ScheduleButton = "Schedule at this time";
    public const string FindTimesButton = "Find free times";
    public const string BookButton = "Book this time";

    public static AdaptiveCard Form(ScheduleMeetingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var v = model.Values;
        string[] onCard = [MeetingInputs.Group, MeetingInputs.Title, MeetingInputs.Agenda, MeetingInputs.Duration,
            MeetingInputs.Date, MeetingInputs.Time, MeetingInputs.From, MeetingInputs.To];
        List<CardElement> body =
        [
            CardBlocks.Heading(FormHeading),
            new TextBlock("I book it with a Teams meeting link, invite the group's members and remind them in Teams before it. "
                + "Times are London time."),
            .. MeetingFields.General(model.Errors, onCard),
            new ChoiceSetInput
            {
                Id = MeetingInputs.Group,
                Label = "Group",
                Style = ChoiceInputStyle.Compact,
                IsRequired = true,
                ErrorMessage = "Choose the group that meets.",
                Placeholder = "Choose a group",
                Value = v.GroupKey,
                Choices = [.. model.Groups.OrderByDescending(g => g.IsSteeringGroup).Select(GroupChoice)],
            },
            .. CardBlocks.Errors(model.Errors, MeetingInputs.Group),
            .. MeetingFields.Title(v.Title, model.Errors),
            .. MeetingFields.Agenda(v.Agenda, model.Errors),
            .. MeetingFields.Duration(v.DurationMinutes, model.Errors),
            CardBlocks.Bold("At an exact time", Spacing.Large),
            .. MeetingFields.Date(MeetingInputs.Date, "Date", v.Date, model.Errors),
            .. MeetingFields.Time(v.Time, model.Errors),
            new ActionSet([CardActions.Execute(ScheduleButton, MeetingVerbs.Schedule, Ids(model.FormId), ActionStyle.Positive, sendInputs: true)]),
            CardBlocks.Bold("Or find a time when members are free", Spacing.Large),
        ];
        if (model.FindTimesUnavailable is { } why)
        {
            body.Add(CardBlocks.Subtle(CardText.Escape(why)));
        }
        body.AddRange(MeetingFields.Date(MeetingInputs.From, "Earliest day", v.From, model.Errors));
        body.AddRange(MeetingFields.Date(MeetingInputs.To, "Latest day", v.To, model.Errors));
        body.Add(new ActionSet([CardActions.Execute(FindTimesButton, MeetingVerbs.Propose, Ids(model.FormId), sendInputs: true)]));
        return new AdaptiveCard { FallbackText = "Schedule a meeting.", Body = body, MsTeams = TeamsCardOptions.FullWidth };
    }

    public static AdaptiveCard SlotPicker(SlotPickerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var v = model.Values;
        var length = TimeSpan.FromMinutes(v.DurationMinutes ?? MeetingFields.DefaultDuration);
        List<CardElement> body =
        [
            CardBlocks.Heading(PickerHeading),
            new TextBlock($"{CardBlocks.Name(model.GroupName)} · {MeetingFields.DurationLabel(length)}") { IsSubtle = true, Spacing = Spacing.None },
            .. MeetingFields.General(model.Errors, [MeetingInputs.Slot, MeetingInputs.Title, MeetingInputs.Agenda, MeetingInputs.Date, MeetingInputs.Time]),
        ];
        // Group and length ride in the data (no inputs here); the range lets "Back" restore the form.
        var data = Ids(model.FormId)
            .With(MeetingInputs.Group, v.GroupKey ?? "")
            .With(MeetingInputs.Duration, (v.DurationMinutes ?? MeetingFields.DefaultDuration).ToString(CultureInfo.InvariantCulture))
            .With(MeetingInputs.From, Day(v.From))
            .With(MeetingInputs.To, Day(v.To))
            .ToList();
        if (model.Slots.Count == 0)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(model.EmptyReason ?? "No free time was found."), ContainerStyle.Warning));
            body.Add(new TextBlock("Give an exact date and time instead:") { Spacing = Spacing.Medium });
            body.AddRange(MeetingFields.Date(MeetingInputs.Date, "Date", v.Date, model.Errors));
            body.AddRange(MeetingFields.Time(v.Time, model.Errors));
        }
        else
        {
            body.AddRange(Slots(model.Slots, model.Errors));
        }
        body.AddRange(MeetingFields.Title(v.Title, model.Errors));
        body.AddRange(MeetingFields.Agenda(v.Agenda, model.Errors));
        var book = model.Slots.Count == 0 ? ScheduleButton : BookButton;
        return new AdaptiveCard
        {
            FallbackText = "Pick a time for the meeting.",
            Body = body,
            Actions =
            [
                CardActions.Execute(book, MeetingVerbs.Schedule, data, ActionStyle.Positive, sendInputs: true),
                CardActions.Execute("Back to the form", MeetingVerbs.Form, data, sendInputs: true),
            ],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    /// Value of a slot choice: its start as ISO 8601 with offset, read back exactly.
    public static string SlotValue(DateTimeOffset start) => start.ToString("o", CultureInfo.InvariantCulture);

    private static IEnumerable<CardElement> Slots(IReadOnlyList<MeetingSlotView> slots, IReadOnlyList<FieldError> errors)
    {
        yield return new ChoiceSetInput
        {
            Id = MeetingInputs.Slot,
            Label = "Proposed times (most members free first)",
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = "Pick one of the times.",
            Value = SlotValue(slots[0].Start),
            Wrap = true,
            // Choice titles are plain text to the client: no markdown, so no escaping.
            Choices = [.. slots.Select(s => new Choice($"{When(s)} · {s.Attendees.Count(a => a.IsFree)} of {s.Attendees.Count} free", SlotValue(s.Start)))],
        };
        foreach (var error in CardBlocks.Errors(errors, MeetingInputs.Slot))
        {
            yield return error;
        }
        yield return CardBlocks.Bold("Who is not free");
        yield return new FactSet([.. slots.Select(s => new Fact(When(s), NotFree(s)))]) { Spacing = Spacing.Small };
    }

    private static string NotFree(MeetingSlotView slot)
    {
        var busy = slot.Attendees.Where(a => !a.IsFree).ToList();
        return busy.Count == 0
            ? "Everyone is free"
            : string.Join("; ", busy.GroupBy(a => a.Availability).Select(g => $"{CardText.Escape(g.Key)}: {string.Join(", ", g.Select(a => CardBlocks.Name(a.Name)))}"));
    }

    public static string When(MeetingSlotView slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return $"{CardFormat.InLondon(slot.Start).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)}–{CardFormat.InLondon(slot.End).ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static Choice GroupChoice(MeetingGroupChoice g) =>
        new(g.IsSteeringGroup ? $"{g.Name} (sets the quarter's update round)" : g.Name, g.Key);

    private static string Day(DateOnly? day) => day?.ToString(MeetingInputs.DateFormat, CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<KeyValuePair<string, string>> Ids(string formId) => [new(MeetingInputs.FormId, formId)];
}
