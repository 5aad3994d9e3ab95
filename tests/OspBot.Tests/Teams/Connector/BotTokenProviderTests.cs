using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OspBot.Teams;
using OspBot.Teams.Connector;

namespace OspBot.Tests.Teams.Connector;

public sealed class BotTokenProviderTests
{
    [Fact]
    public void A_multi_tenant_bot_asks_the_botframework_tenant()
    {
        var options = new BotOptions { MicrosoftAppType = BotAppType.MultiTenant, MicrosoftAppTenantId = "ignored" };

        Assert.Equal("https://login.microsoftonline.com/botframework.com", BotTokenProviders.Authority(options));
    }

    [Fact]
    public void A_single_tenant_bot_asks_its_home_tenant_on_the_configured_host()
    {
        var options = new BotOptions
        {
            MicrosoftAppType = BotAppType.SingleTenant,
            MicrosoftAppTenantId = "11111111-2222-3333-4444-555555555555",
            LoginAuthorityHost = "https://login.microsoftonline.us/",
        };

        Assert.Equal("https://login.microsoftonline.us/11111111-2222-3333-4444-555555555555", BotTokenProviders.Authority(options));
    }

    [Fact]
    public void A_single_tenant_bot_without_a_tenant_is_a_configuration_error()
    {
        var options = new BotOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = "app", MicrosoftAppPassword = "s" };

        Assert.Throws<InvalidOperationException>(() => BotTokenProviders.Create(options, TimeProvider.System, NullLogger.Instance));
    }

    [Fact]
    public void A_managed_identity_with_a_password_is_a_configuration_error()
    {
        var options = new BotOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = "app", MicrosoftAppPassword = "s" };

        Assert.Throws<InvalidOperationException>(() => BotTokenProviders.Create(options, TimeProvider.System, NullLogger.Instance));
    }

    [Fact]
    public void Each_app_type_gets_its_token_source()
    {
        Assert.IsType<MsalBotTokenProvider>(BotTokenProviders.Create(
            new BotOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = "app", MicrosoftAppPassword = "s", MicrosoftAppTenantId = "t" },
            TimeProvider.System, NullLogger.Instance));
        Assert.IsType<ManagedIdentityBotTokenProvider>(BotTokenProviders.Create(
            new BotOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = "app" }, TimeProvider.System, NullLogger.Instance));
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_token()
    {
        var provider = BotTokenProviders.Create(new BotOptions(), TimeProvider.System, NullLogger.Instance);

        Assert.Null(await provider.GetTokenAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_managed_identity_token_is_reused_until_five_minutes_before_it_expires()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(clock, lifetime: TimeSpan.FromHours(1));
        using var provider = new ManagedIdentityBotTokenProvider(credential, "https://api.botframework.com/.default", clock);

        var first = await provider.GetTokenAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(54));
        var reused = await provider.GetTokenAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetTokenAsync(ct);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", reused);
        Assert.Equal("token-2", renewed);
        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes);
    }

    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private int _issued;

        public string[] LastScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            return ValueTask.FromResult(new AccessToken($"token-{++_issued}", clock.GetUtcNow() + lifetime));
        }
    }
}
