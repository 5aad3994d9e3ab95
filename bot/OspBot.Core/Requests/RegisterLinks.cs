using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Reports;

namespace OspBot.Requests;

/// Expiring links to the register's CSV (or Markdown), signed for one secretariat officer like the report's.
internal sealed class RegisterLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    /// The register is one resource; the token still names the person it was issued to.
    private const int Register = 0;

    private readonly SignedTokens _tokens = new(protection, "OspBot.Requests.Export", clock);

    public DownloadLink Create(int personId, string? format = null)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var query = $"t={Uri.EscapeDataString(_tokens.Create(Register, personId, expires))}" + (format is null ? "" : $"&format={Uri.EscapeDataString(format)}");
        return new DownloadLink(new Uri(options.Value.PublicBaseUrl, $"/requests/register?{query}"), expires);
    }

    public int? Verify(string? token) => _tokens.Verify(Register, token);
}
