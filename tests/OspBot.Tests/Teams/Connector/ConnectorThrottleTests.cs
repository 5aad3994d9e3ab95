using OspBot.Teams.Connector;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

/// Teams' 429s are per conversation (per bot per thread): one throttled chat must wait out its Retry-After
/// whoever sends to it next, while the app's budget keeps flowing to every other chat.
public sealed class ConnectorThrottleTests
{
    [Fact]
    public async Task A_429_holds_back_later_sends_to_its_conversation_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index == 0
            ? StubReply.Error(429, "Throttled", ("Retry-After", "2"))
            : StubReply.Json(201, """{"id":"2"}""");
        // No retries: the caller sees the 429, and the next send to the chat comes from someone else.
        await using var host = new ConnectorTestHost(connector: o => o.MaxRetries = 0);

        var throttled = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct));
        Assert.Equal(429, throttled.StatusCode);
        var sameChat = host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);
        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:2", Activities.Hello, ct);
        await sameChat;

        var requests = server.InArrivalOrder();
        Assert.Equal(["a%3A1", "a%3A2", "a%3A1"], requests.Select(r => r.Path.Split('/')[3]));
        Assert.True(requests[2].ElapsedSince(requests[0]) >= TimeSpan.FromSeconds(1.9),
            $"the throttled chat was sent to again after {requests[2].ElapsedSince(requests[0])}");
    }

    [Fact]
    public async Task A_longer_Retry_After_is_not_shortened_by_a_later_shorter_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ConnectorTestHost();
        var limiter = host.Get<ConnectorRateLimiter>();
        using var longWait = Throttle(seconds: 2);
        using var shortWait = Throttle(seconds: 0);
        limiter.Throttled("a:1", longWait);
        limiter.Throttled("a:1", shortWait);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        using (await limiter.AcquireAsync("a:1", ct))
        {
            Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(1.9), $"released after {waited.Elapsed}");
        }
    }

    [Fact]
    public async Task With_MaxRetries_0_a_send_goes_once_and_succeeds_or_fails_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index == 0 ? StubReply.Json(201, """{"id":"7"}""") : StubReply.Error(503, "ServiceUnavailable");
        await using var host = new ConnectorTestHost(connector: o => o.MaxRetries = 0);

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);
        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct));

        Assert.Equal("7", sent.Id);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task With_MaxRetries_0_a_turn_still_gets_its_reply()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await OspBot.Tests.Rounds.RoundsWire.StartAsync(("Connector:MaxRetries", "0"));

        var replies = await wire.SayAsync(OspBot.Tests.Rounds.RoundsWire.Stranger, "help", ct);

        Assert.Single(replies);
    }

    private static HttpResponseMessage Throttle(int seconds)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }
}
