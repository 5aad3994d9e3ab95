using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace OspBot.Rounds;

/// <summary>Quarterly update rounds (configuration section "Rounds").</summary>
public sealed class RoundOptions : IValidatableObject
{
    public const string Section = "Rounds";

    /// <summary>Days before the steering group meeting that the prompts go out.</summary>
    [Range(1, 120)]
    public int PromptDaysBefore { get; set; } = 21;

    /// <summary>Days before the steering group meeting that updates are due.</summary>
    [Range(0, 119)]
    public int DeadlineDaysBefore { get; set; } = 7;

    /// <summary>
    /// Days before the deadline that a chaser goes to those who have not submitted; null means 7 and 2. No initial
    /// list: the configuration binder appends configured items to one, so "[3]" would become 7, 2 and 3.
    /// </summary>
    public IList<int>? ChaserDaysBeforeDeadline { get; set; }

    /// <summary>The chaser days in force: the configured ones, or 7 and 2.</summary>
    public IReadOnlyList<int> ChaserDays => ChaserDaysBeforeDeadline is { } days ? [.. days] : [7, 2];

    /// <summary>Local time in Europe/London at which prompts, chasers and the deadline fall.</summary>
    public TimeOnly SendAtLocalTime { get; set; } = new(9, 0);

    public const string MeetingDateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The steering group meetings the secretariat has planned for the year (yyyy-MM-dd, London dates). The dispatch
    /// job opens each one's round when its prompt date comes, unless its quarter already has a round.
    /// </summary>
    public IList<string> SteeringGroupMeetings { get; set; } = [];

    /// The planned meetings as dates; call after validation (unparseable entries are skipped, never guessed).
    internal IReadOnlyList<DateOnly> PlannedMeetings() =>
        [.. SteeringGroupMeetings.Select(Parse).OfType<DateOnly>().Distinct().Order()];

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), MeetingDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < SteeringGroupMeetings.Count; i++)
        {
            if (Parse(SteeringGroupMeetings[i]) is null)
            {
                yield return new ValidationResult(
                    $"Rounds:SteeringGroupMeetings:{i} ('{SteeringGroupMeetings[i]}') must be a date in the form {MeetingDateFormat}.",
                    [nameof(SteeringGroupMeetings)]);
            }
        }
        if (DeadlineDaysBefore >= PromptDaysBefore)
        {
            yield return new ValidationResult(
                "Rounds:DeadlineDaysBefore must be smaller than Rounds:PromptDaysBefore (the deadline comes after the prompt).",
                [nameof(DeadlineDaysBefore)]);
        }
        if (ChaserDays.Any(d => d < 0 || d >= PromptDaysBefore - DeadlineDaysBefore))
        {
            yield return new ValidationResult(
                "Rounds:ChaserDaysBeforeDeadline must each fall between the prompt and the deadline.",
                [nameof(ChaserDaysBeforeDeadline)]);
        }
    }
}
