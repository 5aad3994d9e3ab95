using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Production.Hardening;

/// Issue 6: a corpus of hostile requests against the bot with channel authentication on, over a real Kestrel
/// socket (slow bodies need one). Every case must get its status; none may reach a turn, send anything to the
/// connector or log an error; and the bot must answer health checks and real traffic afterwards.
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_hostile_request_is_refused_with_its_status_and_the_bot_stays_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var keys = await ChannelKeyServer.StartAsync(ct);
        keys.Publish(TestSigningKey.Published, ["msteams"]);
        keys.Publish(TestSigningKey.Rotated, ["webchat"]);
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = AuthenticatedApp(keys, logs);
        app.UseKestrel(0);
        app.StartServer();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var corpus = HostileCorpus.Build(new CorpusContext(connector.ServiceUrl, DateTimeOffset.UtcNow));

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = ct }, async (hostile, token) =>
        {
            var status = await RawHttp.SendAsync(port, hostile.Request, TimeSpan.FromSeconds(20), token) ?? 0;
            if (status != hostile.Expected)
            {
                failures.Add($"{hostile}: got {status}");
            }
        });

        output.WriteLine($"HOSTILE cases={corpus.Count} failed={failures.Count} groups={string.Join(", ", corpus.GroupBy(h => h.Group).Select(g => $"{g.Key}={g.Count()}"))}");
        Assert.True(corpus.Count >= 200, $"only {corpus.Count} cases");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {corpus.Count} cases got another status:\n{string.Join('\n', failures.Order())}");
        Assert.Empty(connector.Requests);
        // Operators see why a tenant was turned away.
        Assert.Equal(corpus.Count(h => h.Group == "tenant"), logs.Entries.Count(e => e.Message.Contains("is not in AllowedTenants", StringComparison.Ordinal)));
        var trouble = logs.Entries.Where(e => e.Level >= LogLevel.Error || (e.Level >= LogLevel.Warning && e.Exception is not null))
            .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();
        Assert.True(trouble.Count == 0, string.Join('\n', trouble));

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using (var health = await client.GetAsync("/healthz", ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", JsonDocument.Parse(await health.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("status").GetString());
        }

        var context = new CorpusContext(connector.ServiceUrl, DateTimeOffset.UtcNow);
        Assert.Equal(200, await RawHttp.SendAsync(port, context.Post(context.Message()), TimeSpan.FromSeconds(20), ct));
        Assert.Single(await connector.WaitForRequestsAsync(1, ct));
    }

    /// The bot as production runs it: SingleTenant, serving only the test tenant, keys from the local key server.
    internal static OspBotApp AuthenticatedApp(ChannelKeyServer keys, CapturingLoggerProvider logs) => new OspBotApp()
        .With("MicrosoftAppType", "SingleTenant")
        .With("MicrosoftAppId", ChannelAuthHarness.AppId)
        .With("MicrosoftAppPassword", "test-secret")
        .With("MicrosoftAppTenantId", Activities.TenantId)
        .With("AllowedTenants:0", Activities.TenantId)
        .With("ChannelOpenIdMetadataUrl", keys.MetadataUrl)
        .With("MessagesEndpoint:BodyTimeout", "00:00:03")
        .With("MessagesEndpoint:BodyGracePeriod", "00:00:02")
        .With("MessagesEndpoint:HeadersTimeout", "00:00:03")
        .WithServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            // The outbound token comes from Entra, which a test cannot reach; its own tests cover MSAL's use.
            var tokens = new Mock<IBotTokenProvider>();
            tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token");
            s.AddSingleton(tokens.Object);
        });
}
