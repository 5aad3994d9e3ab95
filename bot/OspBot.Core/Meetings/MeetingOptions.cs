using System.ComponentModel.DataAnnotations;

namespace OspBot.Meetings;

/// <summary>Meetings and their reminders (configuration section "Meetings").</summary>
public sealed class MeetingOptions : IValidatableObject
{
    public const string Section = "Meetings";

    /// <summary>
    /// How long before a meeting each member is reminded in Teams, as d.hh:mm:ss (default 7 days and 1 day).
    /// Counted in London wall-clock time: a 10:00 meeting is reminded at 10:00 a week before, in BST or GMT.
    /// </summary>
    // Null rather than pre-filled: the configuration binder appends to a list that already has items, so
    // configured offsets would be added to the defaults instead of replacing them.
    public IList<TimeSpan>? ReminderOffsets { get; set; }

    internal static readonly IReadOnlyList<TimeSpan> DefaultReminderOffsets = [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];

    /// The offsets in force: the configured ones, or 7 days and 1 day.
    public IReadOnlyList<TimeSpan> Offsets => ReminderOffsets is { Count: > 0 } set ? [.. set] : DefaultReminderOffsets;

    /// <summary>
    /// After OspBot installs itself for a member (Graph:TeamsAppId), how long to wait for Teams to tell it about the new
    /// chat before the message that needed it is tried again.
    /// </summary>
    public TimeSpan InstallGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest meeting the secretariat can book (a typo guard).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(8);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Offsets.Any(o => o <= TimeSpan.Zero || o > TimeSpan.FromDays(60)))
        {
            yield return new ValidationResult(
                "Meetings:ReminderOffsets must each be more than zero and at most 60 days (d.hh:mm:ss, e.g. 7.00:00:00).",
                [nameof(ReminderOffsets)]);
        }
        if (Offsets.Distinct().Count() != Offsets.Count)
        {
            yield return new ValidationResult("Meetings:ReminderOffsets lists the same offset twice.", [nameof(ReminderOffsets)]);
        }
        if (InstallGrace <= TimeSpan.Zero || InstallGrace > TimeSpan.FromHours(6))
        {
            yield return new ValidationResult("Meetings:InstallGrace must be between zero and 6 hours.", [nameof(InstallGrace)]);
        }
        if (MaxDuration <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Meetings:MaxDuration must be positive.", [nameof(MaxDuration)]);
        }
    }
}
