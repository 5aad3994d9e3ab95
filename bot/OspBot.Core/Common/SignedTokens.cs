using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OspBot.Common;

/// The token of an expiring download link: "{resourceId}:{personId}:{expiry ticks}" encrypted and signed by Data
/// Protection under a purpose of its own, so it cannot be guessed, altered, or used for another kind of download.
/// The expiry is ours (from TimeProvider) rather than ToTimeLimitedDataProtector's, which reads the system clock.
/// Shared by the report download and the meeting invitation (.ics) download, on the bot's address (DownloadLinkOptions).
internal sealed class SignedTokens(IDataProtectionProvider protection, string purpose, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector(purpose);

    public string Create(int resourceId, int personId, DateTimeOffset expires) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{resourceId}:{personId}:{expires.UtcTicks}"));

    /// The person a token was issued to, if it is genuine, unexpired and for <paramref name="resourceId"/>.
    public int? Verify(int resourceId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == resourceId
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcTicks < ticks
            ? personId
            : null;
    }
}
