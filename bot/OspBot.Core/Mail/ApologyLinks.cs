using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;

namespace OspBot.Mail;

/// The apologies link in a meeting reminder e-mail: signed with the shared key ring (SignedTokens, a purpose of its
/// own, so no other link's token works here), bound to one person and one meeting, and expiring when the meeting starts.
internal sealed class ApologyLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    public const string Path = "/mail/apologies";

    private readonly SignedTokens _tokens = new(protection, "OspBot.Mail.Apologies", clock);

    public Uri Create(int meetingId, int personId, DateTimeOffset meetingStart)
    {
        var token = _tokens.Create(meetingId, personId, meetingStart);
        return new Uri(options.Value.PublicBaseUrl, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Path}/{meetingId}?t={Uri.EscapeDataString(token)}"));
    }

    /// The person the link was made for, if it is genuine, unexpired and for this meeting.
    public int? Verify(int meetingId, string? token) => _tokens.Verify(meetingId, token);
}
