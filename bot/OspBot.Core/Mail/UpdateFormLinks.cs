using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OspBot.Common;

namespace OspBot.Mail;

/// The quarterly update link in a prompt, chaser or "editing window closes" e-mail: signed with the shared key ring
/// under a purpose of its own (an apologies or download token does not work here), bound to one person and one
/// sub-group's update in one round. It works until the steering group's meeting that the round feeds: after the
/// deadline the form itself says the update is locked (or takes a late one), and once the meeting is held the round
/// is over and the link with it.
internal sealed class UpdateFormLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    public const string Path = "/mail/update";

    private readonly SignedTokens _tokens = new(protection, "OspBot.Mail.UpdateForm", clock);

    public static DateTimeOffset ExpiryFor(DateOnly meetingDate) => London.ToUtc(meetingDate, TimeOnly.MinValue);

    public Uri Create(int updateId, int personId, DateOnly meetingDate)
    {
        var token = _tokens.Create(updateId, personId, ExpiryFor(meetingDate));
        return new Uri(options.Value.PublicBaseUrl, string.Create(CultureInfo.InvariantCulture,
            $"{Path}/{updateId}?t={Uri.EscapeDataString(token)}"));
    }

    /// The person the link was made for, if it is genuine, unexpired and for this update.
    public int? Verify(int updateId, string? token) => _tokens.Verify(updateId, token);
}
