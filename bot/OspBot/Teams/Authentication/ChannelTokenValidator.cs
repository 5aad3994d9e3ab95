using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OspBot.Teams.Connector;

namespace OspBot.Teams.Authentication;

/// Validates the Bot Framework channel token on an inbound activity (spec section 2). IdentityModel does the cryptography,
/// issuer, audience and lifetime checks; the Bot Framework additions (endorsements, serviceurl) are checked here.
internal sealed class ChannelTokenValidator(
    ChannelSigningKeys signingKeys,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ChannelTokenValidator> logger)
{
    private const string BearerPrefix = "Bearer ";
    private const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<ChannelAuthResult> ValidateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        var result = await CheckAsync(authorizationHeader, channelId, serviceUrl, ct);
        if (!result.IsValid)
        {
            AuthenticationLog.ChannelTokenRejected(logger, channelId, result.FailureReason);
        }

        return result;
    }

    private async Task<ChannelAuthResult> CheckAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        var bot = options.Value;
        if (!bot.AuthenticationEnabled)
        {
            // Without an app id there is no audience to check; whether to skip authentication is the endpoint's decision.
            return ChannelAuthResult.Fail("no MicrosoftAppId is configured");
        }

        if (!TryReadBearerToken(authorizationHeader, out var rawToken))
        {
            return ChannelAuthResult.Fail("the Authorization header is not exactly one Bearer token");
        }

        if (string.IsNullOrEmpty(channelId) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var serviceUri))
        {
            return ChannelAuthResult.Fail("the activity lacks a channelId or an absolute serviceUrl");
        }

        if (ReadToken(rawToken) is not { } token)
        {
            return ChannelAuthResult.Fail("the token is malformed");
        }

        // Checked before any key lookup so unsigned or HMAC tokens never reach signature validation.
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal) || string.IsNullOrEmpty(token.Kid))
        {
            return ChannelAuthResult.Fail("the token is not signed with an allowed algorithm and a kid");
        }

        if (await signingKeys.FindAsync(token.Kid, ct) is not { } key)
        {
            return ChannelAuthResult.Fail("the token's signing key is not published by the channel service");
        }

        var validation = await _handler.ValidateTokenAsync(token, Parameters(bot, key));
        if (!validation.IsValid)
        {
            return ChannelAuthResult.Fail($"the token is invalid: {validation.Exception?.GetType().Name}");
        }

        if (!key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return ChannelAuthResult.Fail("the signing key is not endorsed for the activity's channel");
        }

        if (!token.TryGetPayloadValue<string>(ServiceUrlClaim, out var claimedServiceUrl)
            || !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthResult.Fail("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        trustedServiceUrls.Trust(serviceUri);
        return ChannelAuthResult.Valid;
    }

    private TokenValidationParameters Parameters(BotOptions bot, ChannelSigningKey key) => new()
    {
        ValidIssuer = bot.ChannelTokenIssuer,
        ValidAudience = bot.MicrosoftAppId,
        IssuerSigningKeys = key.Keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ClockSkew = AllowedClockSkew,

        // TokenValidationParameters.TimeProvider is internal in IdentityModel 8.16, so the lifetime check (the same rule
        // as the library's) runs here on our clock; tests move that clock.
        LifetimeValidator = (notBefore, expires, _, _) => IsCurrent(notBefore, expires),
    };

    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now - AllowedClockSkew <= exp
            && (notBefore is not { } nbf || (nbf <= exp && nbf <= now + AllowedClockSkew));
    }

    /// A JWT is base64url segments joined by dots, so any other character (a second token after a space, two header values
    /// joined by a comma) means this is not exactly one token.
    private static bool TryReadBearerToken(string? header, out string token)
    {
        token = header is not null && header.StartsWith(BearerPrefix, StringComparison.Ordinal) ? header[BearerPrefix.Length..] : "";
        return token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }

    private JsonWebToken? ReadToken(string rawToken)
    {
        try
        {
            return _handler.ReadJsonWebToken(rawToken);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }
}
