using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OspBot.Observability;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Observability;

/// Issue 11: without OTEL_EXPORTER_OTLP_ENDPOINT nothing of OpenTelemetry is registered, so nothing listens either.
[Collection(TelemetryGroup.Name)]
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task Without_an_OTLP_endpoint_no_provider_exporter_or_listener_is_registered_and_turns_still_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        // The in-memory exporter is offered as in the other tests; with telemetry off no provider takes it up.
        await using var app = new OspBotApp().WithServices(telemetry.Services);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help")), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await connector.WaitForRequestsAsync(1, ct));
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(app.Services.GetServices<IStartupFilter>(), f => f is MessagesEndpointTelemetry.Startup);
        Assert.IsType<ConnectorClient>(app.Services.GetRequiredService<IConnectorClient>());
        Assert.False(OspTelemetry.Source.HasListeners());
        Assert.Empty(telemetry.AllSpans);
        Assert.Empty(telemetry.Exported);
    }
}
