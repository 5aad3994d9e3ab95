using OspBot.Teams.Connector;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

/// Judged by arrival times at the stub, the way Teams counts: in every window of length W at most N requests.
/// No warm-up: a cold first request (JIT, new connections) reaching the server late must not squeeze the windows.
public sealed class ConnectorRateLimitTests
{
    [Fact]
    public async Task A_burst_of_20_sends_to_one_conversation_keeps_the_Teams_windows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct)));

        AssertWithin(server.InArrivalOrder(), ConnectorOptions.TeamsConversationWindows, expected: 20);
    }

    [Fact]
    public async Task A_burst_of_100_sends_keeps_every_window_at_a_quarter_of_Teams_scale()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        // Same shape as Teams' limits with windows four times shorter, so the 60-per-window limit binds in seconds.
        RateWindow[] windows =
        [
            new() { Permits = 7, Window = TimeSpan.FromMilliseconds(250) },
            new() { Permits = 8, Window = TimeSpan.FromMilliseconds(500) },
            new() { Permits = 60, Window = TimeSpan.FromSeconds(7.5) },
            new() { Permits = 1800, Window = TimeSpan.FromMinutes(15) },
        ];
        await using var host = new ConnectorTestHost(connector: o =>
        {
            o.ConversationWindows = [.. windows];
            o.WindowMargin = TimeSpan.Zero;
        });

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct)));

        AssertWithin(server.InArrivalOrder(), windows, expected: 100);
    }

    [Fact]
    public async Task Sends_to_many_conversations_keep_the_app_window()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        RateWindow[] app = [new() { Permits = 10, Window = TimeSpan.FromMilliseconds(500) }];
        await using var host = new ConnectorTestHost(connector: o => o.AppWindows = [.. app]);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => host.Client.SendToConversationAsync(server.ServiceUrl, $"a:{i}", Activities.Hello, ct)));

        AssertWithin(server.InArrivalOrder(), app, expected: 30);
    }

    [Fact]
    public async Task A_send_waiting_for_the_limiter_can_be_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost(connector: o =>
            o.ConversationWindows = [new() { Permits = 1, Window = TimeSpan.FromMinutes(10) }]);
        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, cancel.Token));

        Assert.Single(server.Requests);
    }

    // N+1 requests inside one window means request i+N arrived less than W after request i.
    private static void AssertWithin(IReadOnlyList<ConnectorRequest> requests, IEnumerable<RateWindow> windows, int expected)
    {
        requests = [.. requests.Where(r => r.Method == "POST")];
        Assert.Equal(expected, requests.Count);
        foreach (var w in windows)
        {
            for (var i = 0; i + w.Permits < requests.Count; i++)
            {
                var span = requests[i + w.Permits].ElapsedSince(requests[i]);
                Assert.True(span >= w.Window, $"{w.Permits + 1} requests within {span} (window {w.Permits} per {w.Window}), from #{i}");
            }
        }
    }
}
