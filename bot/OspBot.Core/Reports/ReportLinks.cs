using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;

namespace OspBot.Reports;

/// Download links of compiled reports, signed by <see cref="SignedTokens"/> (same purpose and payload as before,
/// so links issued earlier still work).
internal sealed class ReportLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    private readonly SignedTokens _tokens = new(protection, "OspBot.Reports.Download", clock);

    public DownloadLink Create(int compilationId, int personId, string? format = null)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = _tokens.Create(compilationId, personId, expires);
        var query = $"t={Uri.EscapeDataString(token)}" + (format is null ? "" : $"&format={Uri.EscapeDataString(format)}");
        return new DownloadLink(new Uri(options.Value.PublicBaseUrl, $"/reports/{compilationId}/download?{query}"), expires);
    }

    /// The person a token was issued to, if it is genuine, unexpired and for <paramref name="compilationId"/>.
    public int? Verify(int compilationId, string? token) => _tokens.Verify(compilationId, token);
}
