using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Teams.Hosting;

/// Channel authentication as the endpoint applies it: nothing of the turn runs unless the token is right.
public sealed class AuthenticatedPipelineTests
{
    private const string AppId = ChannelAuthHarness.AppId;

    [Fact]
    public async Task Only_a_valid_channel_token_runs_the_turn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var keys = await ChannelKeyServer.StartAsync(ct);
        keys.Publish(TestSigningKey.Published, ["msteams"]);
        await using var connector = await FakeConnector.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new OspBotApp()
            .With("MicrosoftAppType", "SingleTenant")
            .With("MicrosoftAppId", AppId)
            .With("MicrosoftAppPassword", "test-secret")
            .With("MicrosoftAppTenantId", "11111111-2222-3333-4444-555555555555")
            .With("ChannelOpenIdMetadataUrl", keys.MetadataUrl)
            .WithServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                // The outbound token comes from Entra, which a test cannot reach; its own tests cover MSAL's use.
                var tokens = new Mock<IBotTokenProvider>();
                tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token");
                s.AddSingleton(tokens.Object);
            });
        using var client = app.CreateClient();
        var serviceUrl = connector.ServiceUrl.ToString();
        var now = clock.GetUtcNow();
        var valid = new TokenSpec(ChannelAuthHarness.Issuer, AppId, now.AddMinutes(-5), now.AddMinutes(55), serviceUrl);

        async Task<HttpStatusCode> PostAsync(string? authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message(connector.ServiceUrl, "help")) };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Basic dXNlcjpwYXNz"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + TestSigningKey.Published.Mint(valid with { Audience = "someone-else" })));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + TestSigningKey.Published.Mint(valid with { ServiceUrl = "https://evil.example/" })));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + TestSigningKey.Unpublished.Mint(valid)));
        Assert.Empty(connector.Requests);

        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + TestSigningKey.Published.Mint(valid)));
        var reply = Assert.Single(await connector.WaitForRequestsAsync(1, ct));
        Assert.Equal("Bearer connector-token", reply.Authorization);
    }
}
