using Moq;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task Throttled_send_waits_for_retry_after_then_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index == 0
            ? StubReply.Error(429, "Throttled", ("Retry-After", "1"))
            : StubReply.Json(201, """{"id":"2"}""");
        await using var host = new ConnectorTestHost();

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);

        Assert.Equal("2", sent.Id);
        var requests = server.InArrivalOrder();
        Assert.Equal(2, requests.Count);
        // Lower bound only: the backoff alone (20 ms base) would retry far sooner than the server's hint.
        Assert.True(requests[1].ElapsedSince(requests[0]) >= TimeSpan.FromMilliseconds(950),
            $"retried after {requests[1].ElapsedSince(requests[0])}");
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_it_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index < 2 ? StubReply.Error(503, "ServiceUnavailable") : StubReply.Json(201, """{"id":"3"}""");
        await using var host = new ConnectorTestHost();

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);

        Assert.Equal("3", sent.Id);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_max_retries_with_the_last_status()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Error(502, "BadGateway");
        await using var host = new ConnectorTestHost(connector: o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.UpdateActivityAsync(server.ServiceUrl, "a:1", "9", Activities.Hello, ct));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Server_error_500_is_not_retried_and_carries_code_and_correlation_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Error(500, "ServiceError", ("X-Correlating-OperationId", "op-42"));
        await using var host = new ConnectorTestHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("ServiceError", error.ErrorCode);
        Assert.Equal("op-42", error.CorrelationId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Error(404, "ConversationNotFound");
        await using var host = new ConnectorTestHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.GetConversationMemberAsync(server.ServiceUrl, "a:1", "29:x", ct));

        Assert.Equal("ConversationNotFound", error.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Bot_not_in_roster_is_not_retried_and_marks_the_conversation_unreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Error(403, "BotNotInConversationRoster");
        await using var host = new ConnectorTestHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct));

        Assert.True(error.IsConversationUnreachable);
        Assert.Single(server.Requests);
        host.Reachability.Verify(r => r.MarkUnreachableAsync("a:1", "BotNotInConversationRoster", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Message_writes_blocked_nested_in_the_message_marks_the_conversation_unreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        // The shape Teams documents for a user who blocked the bot: the sub-code is JSON inside the message string.
        server.Reply = _ => StubReply.Json(403,
            """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null\r\n}"}""");
        await using var host = new ConnectorTestHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:2", Activities.Hello, ct));

        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(server.Requests);
        host.Reachability.Verify(r => r.MarkUnreachableAsync("a:2", "MessageWritesBlocked", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Other_forbidden_codes_do_not_mark_the_conversation_unreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Error(403, "InvalidBotApiHost");
        await using var host = new ConnectorTestHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct));

        Assert.False(error.IsConversationUnreachable);
        host.Reachability.VerifyNoOtherCalls();
    }
}
