using Microsoft.Extensions.Logging;
using OspBot.Outbox;

namespace OspBot;

/// The outbox of proactive messages (ids 1305-1307, 1390-1399, 1416, 3003); part of OspBot.Core's Log, kept beside the feature.
internal static partial class Log
{
    [LoggerMessage(1390, LogLevel.Warning, "Delivery {DeliveryId} failed on attempt {Attempt} and will be tried again at {RetryAt}: {Error}")]
    public static partial void DeliveryRetrying(this ILogger logger, int deliveryId, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(1391, LogLevel.Error, "Delivery {DeliveryId} gave up after {Attempts} attempts: {Error}")]
    public static partial void DeliveryGaveUp(this ILogger logger, int deliveryId, int attempts, string error);

    [LoggerMessage(1305, LogLevel.Warning, "Delivery {DeliveryId} ({Key}) started sending at {ClaimedAt} and never reported: marked ambiguous, not resent")]
    public static partial void DeliveryInterrupted(this ILogger logger, int deliveryId, string key, DateTimeOffset? claimedAt);

    [LoggerMessage(1307, LogLevel.Information, "{Count} claimed deliveries never started sending within their claim lease: queued again")]
    public static partial void DeliveriesReleased(this ILogger logger, int count);

    [LoggerMessage(1306, LogLevel.Warning, "Delivery {DeliveryId} to person {PersonId} is unreachable: {Reason}")]
    public static partial void DeliveryUnreachable(this ILogger logger, int deliveryId, int personId, string reason);

    [LoggerMessage(1416, LogLevel.Information, "Delivery {DeliveryId} to person {PersonId} not sent: automatic replies on")]
    public static partial void DeliverySkippedOutOfOffice(this ILogger logger, int deliveryId, int personId);

    [LoggerMessage(3003, LogLevel.Error, "Could not build the card for delivery {DeliveryId}; it will be retried")]
    public static partial void CardFailed(this ILogger logger, Exception ex, int deliveryId);
}
