using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OspBot.Common;

namespace OspBot.Mail;

/// What every page behind an e-mail's signed link shares (the apologies link, the update form): anti-forgery, rate
/// limits by IP and by link, and headers that keep the page and its token to itself. Added and used once, whichever
/// feature asks first, so the rate limiter never counts a request twice.
public static class MailLinkProtection
{
    /// By IP: 30 a minute for the apologies link, 60 for the update form (a person saves, submits and edits on it).
    public const string ApologiesPolicy = "mail-links";
    public const string UpdateFormPolicy = "mail-update-form";

    private const string UsedKey = "OspBot.Mail.LinkProtectionUsed";

    public static IHostApplicationBuilder AddMailLinkProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(Marker)))
        {
            return builder;
        }
        builder.Services.AddSingleton<Marker>();
        builder.Services.AddAntiforgery();
        builder.Services.AddRateLimiter(AddLimits);
        return builder;
    }

    public static WebApplication UseMailLinkProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (((IApplicationBuilder)app).Properties.TryAdd(UsedKey, true))
        {
            app.UseRateLimiter();
            app.UseAntiforgery();
        }
        return app;
    }

    /// A strict CSP (no script at all; styles only from the bot), no sniffing, no caching, no referrer (the token is
    /// in the address), no framing.
    public static RouteGroupBuilder WithStrictHeaders(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return await next(context);
    });

    /// By link: 10 a minute for an apologies link, 30 for an update form's; enough for a person, too few to guess or hammer.
    private static void AddLimits(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(ApologiesPolicy, http => ByIp(http, 30));
        options.AddPolicy(UpdateFormPolicy, http => ByIp(http, 60));
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Request.Query["t"].ToString() is not { Length: > 0 } t ? RateLimitPartition.GetNoLimiter("other")
            : http.Request.Path.StartsWithSegments(ApologyLinks.Path) ? RateLimitPartition.GetFixedWindowLimiter("apologies:" + t, _ => Window(10))
            : http.Request.Path.StartsWithSegments(UpdateFormLinks.Path) ? RateLimitPartition.GetFixedWindowLimiter("update:" + t, _ => Window(30))
            : RateLimitPartition.GetNoLimiter("other"));
    }

    private static RateLimitPartition<string> ByIp(HttpContext http, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(permits));

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private sealed class Marker;
}
