using Microsoft.Extensions.Logging;

namespace OspBot;

/// Retries of proactive deliveries (ids 1390-1399); part of OspBot.Core's Log, kept beside the feature.
internal static partial class Log
{
    [LoggerMessage(1390, LogLevel.Warning, "Delivery {DeliveryId} failed on attempt {Attempt} and will be tried again at {RetryAt}: {Error}")]
    public static partial void DeliveryRetrying(this ILogger logger, int deliveryId, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(1391, LogLevel.Error, "Delivery {DeliveryId} gave up after {Attempts} attempts: {Error}")]
    public static partial void DeliveryGaveUp(this ILogger logger, int deliveryId, int attempts, string error);
}
