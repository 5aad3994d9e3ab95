using System.Text.Json;
using OspBot.Outbox;
using OspBot.Teams.Connector;
using OspBot.Teams.Notifications;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

/// The BeforeSend hook a recorded proactive send uses to mark its delivery Sending: asked once, only when the rate
/// limiter has let the message go, and able to withdraw it with nothing sent. Issue 6: a crash must leave in doubt
/// only the sends really on their way, not those queued behind Teams' rate limits.
public sealed class ConnectorBeforeSendTests
{
    [Fact]
    public async Task A_send_held_by_the_rate_limiter_is_not_asked_until_it_may_go()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost(connector: o =>
            o.ConversationWindows = [new() { Permits = 1, Window = TimeSpan.FromMinutes(10) }]);
        var requestsSeenWhenAsked = new List<int>();
        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, Ask, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        // The window is full for ten minutes: this one waits in the limiter until cancelled, never asked.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, Ask, cancel.Token));

        Assert.Equal([0], requestsSeenWhenAsked);
        Assert.Single(server.Requests);

        Task<bool> Ask(CancellationToken _)
        {
            requestsSeenWhenAsked.Add(server.Requests.Count);
            return Task.FromResult(true);
        }
    }

    [Fact]
    public async Task A_withdrawn_send_sends_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost();

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, _ => Task.FromResult(false), ct);

        Assert.Null(sent);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_retry_is_the_same_send_and_is_not_asked_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index == 0 ? StubReply.Error(503, "ServiceUnavailable") : StubReply.Json(201, """{"id":"7"}""");
        await using var host = new ConnectorTestHost();
        var asked = 0;

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, _ => Task.FromResult(++asked > 0), ct);

        Assert.Equal(("7", 1, 2), (sent?.Id, asked, server.Requests.Count));
    }

    [Fact]
    public async Task The_notifier_reports_a_withdrawn_send_as_withdrawn_and_a_let_through_one_as_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Json(201, """{"id":"9"}""");
        await using var host = new ConnectorTestHost();
        var notifier = new TeamsNotifier(host.Client, Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsNotifier>.Instance);
        using var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""");

        var withdrawn = await notifier.SendCardAsync(server.ServiceUrl.ToString(), "a:1", card.RootElement, "s", _ => Task.FromResult(false), ct);
        var sent = await notifier.SendCardAsync(server.ServiceUrl.ToString(), "a:1", card.RootElement, "s", _ => Task.FromResult(true), ct);

        Assert.IsType<SendOutcome.Withdrawn>(withdrawn);
        Assert.Equal("9", Assert.IsType<SendOutcome.Sent>(sent).ActivityId);
        Assert.Single(server.Requests);
    }
}
