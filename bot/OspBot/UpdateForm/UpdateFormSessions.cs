using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OspBot.Common;
using OspBot.Mail;

namespace OspBot.UpdateForm;

/// The one-time code (Mail:RequireCode): the code travels to the person's address, and back to the form only inside a
/// challenge the bot signed and encrypted (so nothing is stored and any instance can check it); once typed, a cookie
/// bound to this update and person opens the form for the rest of the day. Both from the shared key ring, each under a
/// purpose of its own.
internal sealed class UpdateFormSessions(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly SignedTokens _sessions = new(protection, "OspBot.Mail.UpdateForm.Session", clock);
    private readonly IDataProtector _challenges = protection.CreateProtector("OspBot.Mail.UpdateForm.Code");

    public static string CookieName(int updateId) => string.Create(CultureInfo.InvariantCulture, $"osp-form-{updateId}");

    public bool Has(HttpContext http, int updateId, int personId) =>
        _sessions.Verify(updateId, http.Request.Cookies[CookieName(updateId)]) == personId;

    public void Start(HttpContext http, int updateId, int personId) =>
        http.Response.Cookies.Append(CookieName(updateId), _sessions.Create(updateId, personId, clock.GetUtcNow() + SessionLifetime), new CookieOptions
        {
            Path = UpdateFormLinks.Path,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = SessionLifetime,
        });

    /// A new six-digit code and the challenge that carries it back.
    public (string Code, string Challenge) NewCode(int updateId, int personId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expires = (clock.GetUtcNow() + CodeLifetime).UtcTicks;
        return (code, _challenges.Protect(string.Create(CultureInfo.InvariantCulture, $"{updateId}:{personId}:{expires}:{code}")));
    }

    public bool Matches(string? challenge, string? code, int updateId, int personId)
    {
        try
        {
            var parts = _challenges.Unprotect(challenge ?? "").Split(':');
            return parts.Length == 4
                && parts[0] == updateId.ToString(CultureInfo.InvariantCulture) && parts[1] == personId.ToString(CultureInfo.InvariantCulture)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && clock.GetUtcNow().UtcTicks < ticks
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(parts[3]), System.Text.Encoding.ASCII.GetBytes(code?.Trim() ?? ""));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
