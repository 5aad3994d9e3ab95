using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Tests.Teams.Connector;

public sealed class ConnectorSetupTests
{
    [Fact]
    public async Task Invalid_connector_options_stop_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Connector:BaseDelay"] = "00:00:05";
        builder.Configuration["Connector:MaxDelay"] = "00:00:01";
        builder.AddBotConnector();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_connector_that_never_answers_fails_as_a_network_error_after_the_retries()
    {
        var ct = TestContext.Current.CancellationToken;
        // A port that was free a moment ago: connections are refused, nothing is listening.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var host = new ConnectorTestHost(connector: o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Client.SendToConversationAsync(
            new Uri($"http://127.0.0.1:{port}/"), "a:1", new Activity { Type = "message", Text = "hi" }, ct));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Equal(0, error.StatusCode);
    }
}
