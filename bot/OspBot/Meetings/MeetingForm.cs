using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Rounds;
using FieldError = OspBot.Cards.Common.FieldError;

namespace OspBot.Meetings;

/// The schedule form: its model, and reading its inputs back into the service's requests. Times are London
/// wall-clock on the card and instants in the requests.
internal static class MeetingForm
{
    public const string NoFreeBusy =
        "Finding free times needs Microsoft Graph, which is not configured, so OspBot cannot see members' calendars. "
        + "Give an exact date and time instead.";

    public static ScheduleMeetingModel Model(
        IReadOnlyList<MeetingGroup> groups, string formId, bool canFindTimes, MeetingFormValues? values = null, IReadOnlyList<FieldError>? errors = null) => new()
        {
            Groups = [.. groups.Select(g => new MeetingGroupChoice(g.Key, g.Name, g.Kind == GroupKind.SteeringGroup))],
            FormId = formId,
            Values = values ?? new(),
            FindTimesUnavailable = canFindTimes ? null : NoFreeBusy,
            Errors = errors ?? [],
        };

    /// The exact-time path, or the slot picked on the slot picker (<see cref="MeetingInputs.Slot"/> wins).
    public static (ScheduleMeetingRequest? Request, IReadOnlyList<FieldError> Errors) ReadSchedule(MeetingInput input, IReadOnlyList<MeetingGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        var group = Group(input, groups, errors);
        var title = Title(input, errors);
        var length = Length(input, errors);
        var start = input.Instant(MeetingInputs.Slot) ?? Start(input, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ScheduleMeetingRequest
        {
            GroupId = group!.GroupId,
            Title = title!,
            Agenda = input[MeetingInputs.Agenda],
            Start = start!.Value,
            End = start.Value + length!.Value,
        }, errors);
    }

    /// The date-range path: free times between the first day's start and the last day's end, London time.
    public static (SlotRequest? Request, IReadOnlyList<FieldError> Errors) ReadRange(MeetingInput input, IReadOnlyList<MeetingGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        var group = Group(input, groups, errors);
        Title(input, errors);
        var length = Length(input, errors);
        var from = RequiredDate(input, MeetingInputs.From, "Give the earliest day.", errors);
        var to = RequiredDate(input, MeetingInputs.To, "Give the latest day.", errors);
        if (from is { } f && to < f)
        {
            errors.Add(new(MeetingInputs.To, "The latest day is before the earliest day."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new SlotRequest
        {
            GroupId = group!.GroupId,
            Duration = length!.Value,
            WindowStart = London.ToUtc(from!.Value, TimeOnly.MinValue),
            WindowEnd = London.ToUtc(to!.Value.AddDays(1), TimeOnly.MinValue),
        }, errors);
    }

    /// A new date and time (and length) for a meeting being moved.
    public static (MoveMeetingRequest? Request, IReadOnlyList<FieldError> Errors) ReadMove(MeetingInput input, int meetingId)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        var length = Length(input, errors);
        var start = Start(input, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new MoveMeetingRequest { MeetingId = meetingId, Start = start!.Value, End = start.Value + length!.Value }, errors);
    }

    private static MeetingGroup? Group(MeetingInput input, IReadOnlyList<MeetingGroup> groups, List<FieldError> errors)
    {
        var group = groups.FirstOrDefault(g => g.Key == input[MeetingInputs.Group]);
        if (group is null)
        {
            errors.Add(new(MeetingInputs.Group, "Choose the group that meets."));
        }
        return group;
    }

    private static string? Title(MeetingInput input, List<FieldError> errors)
    {
        var title = input[MeetingInputs.Title];
        if (title is null)
        {
            errors.Add(new(MeetingInputs.Title, "Give the meeting a title."));
        }
        else if (title.Length > MeetingFields.MaxTitleChars)
        {
            errors.Add(new(MeetingInputs.Title, $"Keep the title under {MeetingFields.MaxTitleChars} characters."));
        }
        return title;
    }

    private static TimeSpan? Length(MeetingInput input, List<FieldError> errors)
    {
        var minutes = input.Int(MeetingInputs.Duration) ?? MeetingFields.DefaultDuration;
        if (minutes is < 15 or > 8 * 60)
        {
            errors.Add(new(MeetingInputs.Duration, "Choose one of the lengths listed."));
            return null;
        }
        return TimeSpan.FromMinutes(minutes);
    }

    private static DateOnly? RequiredDate(MeetingInput input, string field, string whenMissing, List<FieldError> errors)
    {
        var date = input.Date(field, out var bad);
        if (date is null)
        {
            errors.Add(new(field, bad ? "That is not a date." : whenMissing));
        }
        return date;
    }

    private static DateTimeOffset? Start(MeetingInput input, List<FieldError> errors)
    {
        var date = RequiredDate(input, MeetingInputs.Date, "Give the date of the meeting.", errors);
        var time = input.Time(MeetingInputs.Time, out var badTime);
        if (time is null)
        {
            errors.Add(new(MeetingInputs.Time, badTime ? "Choose one of the times listed." : "Choose a start time."));
        }
        return date is { } d && time is { } t ? London.ToUtc(d, t) : null;
    }
}
