using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OspBot.Teams;
using OspBot.Teams.Authentication;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Authentication;

/// The real validator, wired by AddChannelAuthentication, against a local key server and a test clock.
internal sealed class ChannelAuthHarness : IAsyncDisposable
{
    public const string AppId = "bbbbbbbb-0000-0000-0000-00000000b0b0";
    public const string Issuer = "https://api.botframework.com";

    // Not one of TrustedServiceUrls' well-known hosts, so the tests can see it become trusted.
    public const string ServiceUrl = "https://smba.osp-test.example/amer/11111111-2222-3333-4444-555555555555/";

    private readonly IHost _host;

    private ChannelAuthHarness(ChannelKeyServer keys, FakeTimeProvider clock, CapturedLogs logs, IHost host)
    {
        Keys = keys;
        Clock = clock;
        Logs = logs;
        _host = host;
    }

    public ChannelKeyServer Keys { get; }
    public FakeTimeProvider Clock { get; }
    public CapturedLogs Logs { get; }
    public ChannelTokenValidator Validator => _host.Services.GetRequiredService<ChannelTokenValidator>();
    public TrustedServiceUrls Trusted => _host.Services.GetRequiredService<TrustedServiceUrls>();

    /// The claims of a Teams token issued a moment ago, for this bot and ServiceUrl.
    public TokenSpec Token => new(Issuer, AppId, Clock.GetUtcNow().AddMinutes(-5), Clock.GetUtcNow().AddMinutes(55), ServiceUrl);

    /// Starts with TestSigningKey.Published in the JWKS, endorsed for msteams.
    public static async Task<ChannelAuthHarness> StartAsync(CancellationToken ct, Action<BotOptions>? configure = null)
    {
        var keys = await ChannelKeyServer.StartAsync(ct);
        keys.Publish(TestSigningKey.Published, ["msteams"]);

        // Far from the real date, so a lifetime check that used the system clock would fail every test.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        builder.Services.Configure<BotOptions>(o =>
        {
            o.MicrosoftAppId = AppId;
            o.ChannelOpenIdMetadataUrl = keys.MetadataUrl;
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddChannelAuthentication();
        return new(keys, clock, logs, builder.Build());
    }

    public string Mint(TokenSpec? spec = null, TestSigningKey? key = null) => (key ?? TestSigningKey.Published).Mint(spec ?? Token);

    public Task<ChannelAuthResult> ValidateAsync(string? authorizationHeader, string channelId = "msteams", string serviceUrl = ServiceUrl) =>
        Validator.ValidateAsync(authorizationHeader, channelId, serviceUrl, TestContext.Current.CancellationToken);

    public Task<ChannelAuthResult> ValidateTokenAsync(string token, string channelId = "msteams", string serviceUrl = ServiceUrl) =>
        ValidateAsync($"Bearer {token}", channelId, serviceUrl);

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Keys.DisposeAsync();
    }
}
