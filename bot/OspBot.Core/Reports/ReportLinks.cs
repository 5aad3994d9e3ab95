using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OspBot.Reports;

/// Download links: the token is "{compilationId}:{personId}:{expiry ticks}" encrypted and signed by Data Protection,
/// so it cannot be guessed or altered. The expiry is ours (from TimeProvider) rather than ToTimeLimitedDataProtector's,
/// which reads the system clock.
internal sealed class ReportLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<ReportOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("OspBot.Reports.Download");

    public DownloadLink Create(int compilationId, int personId, string? format = null)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{compilationId}:{personId}:{expires.UtcTicks}"));
        var query = $"t={Uri.EscapeDataString(token)}" + (format is null ? "" : $"&format={Uri.EscapeDataString(format)}");
        return new DownloadLink(new Uri(options.Value.PublicBaseUrl, $"/reports/{compilationId}/download?{query}"), expires);
    }

    /// The person a token was issued to, if it is genuine, unexpired and for <paramref name="compilationId"/>.
    public int? Verify(int compilationId, string? token)
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
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == compilationId
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcTicks < ticks
            ? personId
            : null;
    }
}
