using Microsoft.Extensions.Logging;

namespace OspBot.Teams.Authentication;

/// Events of channel authentication (event ids 2100–2149).
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning,
        Message = "Rejected a channel token for channel {ChannelId}: {Reason}")]
    public static partial void ChannelTokenRejected(ILogger logger, string? channelId, string? reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Loaded {KeyCount} channel signing keys from {MetadataUrl}")]
    public static partial void ChannelKeysLoaded(ILogger logger, int keyCount, string metadataUrl);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error,
        Message = "Could not load the channel signing keys from {MetadataUrl}; keeping {KeyCount} known keys")]
    public static partial void ChannelKeysLoadFailed(ILogger logger, Exception exception, string metadataUrl, int keyCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information,
        Message = "A channel token names unknown signing key {KeyId}; reloading the channel signing keys")]
    public static partial void UnknownSigningKey(ILogger logger, string keyId);
}
