using System.ComponentModel.DataAnnotations;

namespace OspBot.Outbox;

/// <summary>The outbox of proactive messages (configuration section "Outbox").</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long a delivery whose send has started may stay unreported before it is taken as interrupted (and
    /// marked Ambiguous, never resent). Longer than the connector's whole retry budget.
    /// </summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claimed delivery may wait for its send to start (its card built, Teams' rate limits let it go)
    /// before another dispatcher (another instance, or this one after a crash) may take it. Safe when short: a
    /// dispatcher whose claim has lapsed does not send, even if its send was already waiting in the rate limiter.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failed sends known not to have reached Teams are retried this many times in all.</summary>
    [Range(1, 20)]
    public int MaxDeliveryAttempts { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DeliveryLease <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Outbox:DeliveryLease must be positive.", [nameof(DeliveryLease)]);
        }
        if (ClaimLease <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Outbox:ClaimLease must be positive.", [nameof(ClaimLease)]);
        }
    }
}
