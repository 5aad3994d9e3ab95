using System.ComponentModel.DataAnnotations;
using Quartz;

namespace OspBot.Jobs;

/// <summary>The scheduler and the job timetable (configuration section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How many jobs may run at once in this instance.</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// This instance's id in the scheduler cluster (PostgreSQL), which Quartz records beside each job it runs. Empty
    /// (default): generated at start from the host name and time. If set, it must differ in every instance, e.g. the
    /// container or pod name: two instances with one id would take each other's running jobs for their own.
    /// </summary>
    [MaxLength(200)]
    public string? InstanceId { get; set; }

    // Each job adds its cron string here, with a default and [Cron], e.g.
    // [Cron] public string MeetingReminders { get; set; } = "0 0 8 ? * MON-FRI";
}

/// <summary>A Quartz cron expression (seconds first), checked at start so a typo fails loudly instead of never firing.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CronAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is string cron && CronExpression.TryParse(cron, out _)
            ? ValidationResult.Success
            : new ValidationResult(
                $"{JobsOptions.Section}:{validationContext.MemberName} is not a valid Quartz cron expression: '{value}'.",
                [validationContext.MemberName ?? ""]);
    }
}
