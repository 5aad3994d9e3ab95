using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Reports;

namespace OspBot.MeetingPack;

/// Download links of built meeting packs, signed by <see cref="SignedTokens"/>,
/// one per person: the secretariat and each member of the steering group.
internal sealed class MeetingPackLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    private readonly SignedTokens _tokens = new(protection, "OspBot.MeetingPack.Download", clock);

    public DownloadLink Create(int packId, int personId)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = _tokens.Create(packId, personId, expires);
        return new DownloadLink(new Uri(options.Value.PublicBaseUrl, $"/meeting-pack/{packId}/download?t={Uri.EscapeDataString(token)}"), expires);
    }

    /// The person a token was issued to, if it is genuine, unexpired and for <paramref name="packId"/>.
    public int? Verify(int packId, string? token) => _tokens.Verify(packId, token);
}
