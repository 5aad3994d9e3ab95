namespace OspBot.Tests.Teams.Authentication;

/// The Bot Framework's additions to plain JWT validation: key endorsements and the serviceurl claim.
public sealed class ChannelTokenClaimsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_endorsed_only_for_other_channels_cannot_sign_for_teams()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        auth.Keys.Publish(TestSigningKey.Rotated, ["skype", "webchat"]);
        var token = auth.Mint(key: TestSigningKey.Rotated);

        Assert.False((await auth.ValidateTokenAsync(token)).IsValid);
        Assert.True((await auth.ValidateTokenAsync(token, channelId: "webchat")).IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_without_endorsements_is_rejected(bool emptyList)
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        auth.Keys.Publish(TestSigningKey.Rotated, emptyList ? [] : null);

        var result = await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Rotated));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task An_activity_from_a_channel_the_key_is_not_endorsed_for_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        Assert.False((await auth.ValidateTokenAsync(auth.Mint(), channelId: "webchat")).IsValid);
    }

    [Fact]
    public async Task A_serviceurl_claim_naming_another_service_is_rejected_and_neither_url_trusted()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        const string Elsewhere = "https://smba.attacker.example/amer/";

        var result = await auth.ValidateTokenAsync(auth.Mint(auth.Token with { ServiceUrl = Elsewhere }));

        Assert.False(result.IsValid);
        Assert.False(auth.Trusted.IsTrusted(new Uri(Elsewhere)));
        Assert.False(auth.Trusted.IsTrusted(new Uri(ChannelAuthHarness.ServiceUrl)));
    }

    [Fact]
    public async Task A_token_without_a_serviceurl_claim_is_rejected()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        Assert.False((await auth.ValidateTokenAsync(auth.Mint(auth.Token with { ServiceUrl = null }))).IsValid);
    }

    [Fact]
    public async Task The_serviceurl_claim_is_compared_without_regard_to_case()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        var token = auth.Mint(auth.Token with { ServiceUrl = ChannelAuthHarness.ServiceUrl.ToUpperInvariant() });

        Assert.True((await auth.ValidateTokenAsync(token)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{token}")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("bearer {token}")]
    [InlineData("BEARER {token}")]
    [InlineData("Basic {token}")]
    [InlineData("Bearer  {token}")]
    [InlineData("Bearer {token} ")]
    [InlineData("Bearer {token} {token}")]
    [InlineData("Bearer {token}, Bearer {token}")]
    [InlineData("Bearer {token},{token}")]
    public async Task Authorization_headers_other_than_exactly_one_bearer_token_are_rejected(string? header)
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);

        // A valid token inside, so only the header's shape can be the reason.
        var result = await auth.ValidateAsync(header?.Replace("{token}", auth.Mint(), StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
    }
}
