using Microsoft.Extensions.Logging;

namespace OspBot.Jobs.Rounds;

/// The dispatch job's events worth an id.
internal static partial class RoundJobsLog
{
    [LoggerMessage(3001, LogLevel.Information, "Round dispatch sent {Sent} message(s)")]
    public static partial void DispatchSent(this ILogger logger, int sent);

    [LoggerMessage(3002, LogLevel.Error, "Round dispatch failed")]
    public static partial void DispatchFailed(this ILogger logger, Exception ex);

    [LoggerMessage(3003, LogLevel.Error, "Could not build the card for delivery {DeliveryId}; it will be retried")]
    public static partial void CardFailed(this ILogger logger, Exception ex, int deliveryId);
}
