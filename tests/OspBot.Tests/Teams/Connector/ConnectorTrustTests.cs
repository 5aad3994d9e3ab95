using OspBot.Teams.Connector;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

public sealed class ConnectorTrustTests
{
    private static ConnectorTestHost AuthenticatedHost() => new(
        bot: o =>
        {
            o.MicrosoftAppId = "bbbbbbbb-0000-0000-0000-00000000b0b0";
            o.TrustedServiceHosts = ["127.0.0.1"];
        },
        tokens: new FakeBotTokenProvider("bot-token"));

    [Fact]
    public async Task The_token_is_attached_for_a_trusted_host()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = AuthenticatedHost();

        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);

        Assert.Equal("Bearer bot-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task An_untrusted_host_is_refused_before_anything_is_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = AuthenticatedHost();
        // Same server, but named by a host that no validated token or setting vouches for.
        var untrusted = new UriBuilder(server.ServiceUrl) { Host = "localhost" }.Uri;

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(untrusted, "a:1", Activities.Hello, ct));

        Assert.Equal("UntrustedServiceUrl", error.ErrorCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_host_learned_from_a_validated_token_becomes_trusted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = AuthenticatedHost();
        var learned = new UriBuilder(server.ServiceUrl) { Host = "localhost" }.Uri;

        host.Get<TrustedServiceUrls>().Trust(learned);
        await host.Client.SendToConversationAsync(learned, "a:1", Activities.Hello, ct);

        Assert.Equal("Bearer bot-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Without_authentication_no_token_is_sent_to_a_loopback_connector()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost();

        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);

        Assert.Equal("", Assert.Single(server.Requests).Authorization);
    }
}
