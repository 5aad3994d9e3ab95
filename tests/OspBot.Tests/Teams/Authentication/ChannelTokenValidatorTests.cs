using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OspBot.Tests.Teams.Authentication;

public sealed class ChannelTokenValidatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_teams_token_is_accepted_and_its_service_url_becomes_trusted()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        Assert.False(auth.Trusted.IsTrusted(new Uri(ChannelAuthHarness.ServiceUrl)));

        var result = await auth.ValidateTokenAsync(auth.Mint());

        Assert.True(result.IsValid, result.FailureReason);
        Assert.True(auth.Trusted.IsTrusted(new Uri(ChannelAuthHarness.ServiceUrl)));
    }

    [Fact]
    public async Task Test_tokens_have_exactly_the_header_and_claims_of_real_teams_tokens()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var parts = auth.Mint().Split('.');

        Assert.Equal(["alg", "kid", "typ", "x5t"], Names(parts[0]));
        Assert.Equal(["aud", "exp", "iss", "nbf", "serviceurl"], Names(parts[1]));
        Assert.Equal("RS256", new JsonWebToken(auth.Mint()).Alg);

        static string[] Names(string segment) =>
            [.. JsonNode.Parse(Base64UrlEncoder.Decode(segment))!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Tokens_signed_with_the_other_allowed_rsa_algorithms_are_accepted(string algorithm)
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        var token = TestSigningKey.Published.Mint(auth.Token, TestSigningKey.Published.Credentials(algorithm));

        Assert.True((await auth.ValidateTokenAsync(token)).IsValid);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected_and_its_service_url_not_trusted()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        var result = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { Issuer = "https://sts.windows.net/evil/" }));

        Assert.False(result.IsValid);
        Assert.False(auth.Trusted.IsTrusted(new Uri(ChannelAuthHarness.ServiceUrl)));
    }

    [Fact]
    public async Task A_token_for_another_bot_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        var result = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { Audience = "cccccccc-0000-0000-0000-0000000c0c0c" }));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_expired_beyond_five_minutes_of_clock_skew_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var now = auth.Clock.GetUtcNow();

        var result = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-5).AddSeconds(-1) }));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_not_valid_until_beyond_five_minutes_of_clock_skew_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var now = auth.Clock.GetUtcNow();

        var result = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { NotBefore = now.AddMinutes(5).AddSeconds(1), Expires = now.AddHours(1) }));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Tokens_just_expired_or_just_not_yet_valid_are_accepted_within_the_clock_skew()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var now = auth.Clock.GetUtcNow();

        var justExpired = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-4) }));
        var notQuiteValid = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { NotBefore = now.AddMinutes(4), Expires = now.AddHours(1) }));

        Assert.True(justExpired.IsValid, justExpired.FailureReason);
        Assert.True(notQuiteValid.IsValid, notQuiteValid.FailureReason);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var token = TestSigningKey.Published.MintUnsigned(auth.Token);
        Assert.Equal("none", new JsonWebToken(token).Alg);

        Assert.False((await auth.ValidateTokenAsync(token)).IsValid);
    }

    [Fact]
    public async Task A_token_with_its_signature_stripped_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var token = auth.Mint();

        var result = await auth.ValidateTokenAsync(token[..(token.LastIndexOf('.') + 1)]);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task An_hs256_token_naming_a_published_key_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = TestSigningKey.Published.Kid };

        var token = TestSigningKey.Published.Mint(auth.Token, new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256));

        Assert.False((await auth.ValidateTokenAsync(token)).IsValid);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_channel_does_not_publish_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        Assert.False((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Unpublished))).IsValid);
    }

    [Fact]
    public async Task A_token_with_no_app_id_configured_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct, o => o.MicrosoftAppId = null);

        Assert.False((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
    }
}
