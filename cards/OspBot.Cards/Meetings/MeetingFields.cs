using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// The inputs the schedule form, the slot picker and the move form share, each followed by its errors.
internal static class MeetingFields
{
    public const int MaxTitleChars = 200;
    public const int MaxAgendaChars = 2000;

    /// Half-hour steps of a working day and its edges, London time.
    public static IReadOnlyList<string> Times { get; } =
        [.. Enumerable.Range(14, 27).Select(h => TimeSpan.FromMinutes(h * 30).ToString(@"hh\:mm", CultureInfo.InvariantCulture))];

    public static IReadOnlyList<(int Minutes, string Label)> Durations { get; } =
        [(30, "30 minutes"), (60, "1 hour"), (90, "1 hour 30 minutes"), (120, "2 hours"), (180, "3 hours")];

    public const int DefaultDuration = 60;

    public static IEnumerable<CardElement> Title(string? value, IReadOnlyList<FieldError> errors) => WithErrors(new TextInput
    {
        Id = MeetingInputs.Title,
        Label = "Title",
        Value = value,
        MaxLength = MaxTitleChars,
        IsRequired = true,
        ErrorMessage = "Give the meeting a title.",
        Placeholder = "e.g. OSP Steering Group, Q3",
    }, errors);

    public static IEnumerable<CardElement> Agenda(string? value, IReadOnlyList<FieldError> errors) => WithErrors(new TextInput
    {
        Id = MeetingInputs.Agenda,
        Label = "Agenda (optional)",
        Value = value,
        IsMultiline = true,
        MaxLength = MaxAgendaChars,
        Placeholder = "One item a line",
    }, errors);

    public static IEnumerable<CardElement> Duration(int? minutes, IReadOnlyList<FieldError> errors) => WithErrors(new ChoiceSetInput
    {
        Id = MeetingInputs.Duration,
        Label = "Length",
        Style = ChoiceInputStyle.Compact,
        Value = (minutes ?? DefaultDuration).ToString(CultureInfo.InvariantCulture),
        Choices = [.. Durations.Select(d => new Choice(d.Label, d.Minutes.ToString(CultureInfo.InvariantCulture)))],
    }, errors);

    public static IEnumerable<CardElement> Date(string id, string label, DateOnly? value, IReadOnlyList<FieldError> errors) => WithErrors(new DateInput
    {
        Id = id,
        Label = label,
        Value = value?.ToString(MeetingInputs.DateFormat, CultureInfo.InvariantCulture),
    }, errors);

    public static IEnumerable<CardElement> Time(string? value, IReadOnlyList<FieldError> errors) => WithErrors(new ChoiceSetInput
    {
        Id = MeetingInputs.Time,
        Label = "Start time (London)",
        Style = ChoiceInputStyle.Compact,
        Value = value,
        Placeholder = "Choose a time",
        Choices = [.. Times.Select(t => new Choice(t, t))],
    }, errors);

    /// Form errors with no input of their own (e.g. the service's), shown at the top.
    public static IEnumerable<CardElement> General(IReadOnlyList<FieldError> errors, IReadOnlyCollection<string> onCard) =>
        errors.Where(e => !onCard.Contains(e.InputId)).Select(e => CardBlocks.Notice(CardText.Escape(e.Message), ContainerStyle.Attention));

    public static string DurationLabel(TimeSpan length) =>
        Durations.FirstOrDefault(d => d.Minutes == (int)length.TotalMinutes).Label
        ?? string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalMinutes} minutes");

    private static IEnumerable<CardElement> WithErrors(CardInput input, IReadOnlyList<FieldError> errors) =>
        [input, .. CardBlocks.Errors(errors, input.Id)];
}
