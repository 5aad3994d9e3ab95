using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;

namespace OspBot.Meetings;

/// Links to a meeting's .ics invitation: signed and expiring like the report download (<see cref="SignedTokens"/>,
/// its own purpose), on the bot's public address and link lifetime (DownloadLinkOptions, one address for every download).
internal sealed class MeetingLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    private readonly SignedTokens _tokens = new(protection, "OspBot.Meetings.Invitation", clock);

    public Uri Invitation(int meetingId, int personId)
    {
        var token = _tokens.Create(meetingId, personId, clock.GetUtcNow() + options.Value.LinkLifetime);
        return new Uri(options.Value.PublicBaseUrl, $"/meetings/{meetingId}/invitation.ics?t={Uri.EscapeDataString(token)}");
    }

    public int? Verify(int meetingId, string? token) => _tokens.Verify(meetingId, token);
}
