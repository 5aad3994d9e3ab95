using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Meetings;
using OspBot.Observability;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;

namespace OspBot.Tests.Observability;

/// Issue 11: outbound calls (the Bot Connector, Microsoft Graph) are one span and one duration per call, with their
/// retries and Teams' or Graph's 429s counted; each attempt's HTTP span sits inside the call's span.
[Collection(TelemetryGroup.Name)]
public sealed class ConnectorAndGraphTelemetryTests
{
    [Fact]
    public async Task A_connector_429_then_success_is_one_call_with_one_retry_and_one_429()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        var answered = 0;
        connector.RetryAfterSeconds = 0;
        connector.Respond = _ => Interlocked.Increment(ref answered) == 1
            ? (429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
            : (200, """{"id":"reply-1"}""");
        await using var app = telemetry.Attach(new OspBotApp()).With("Connector:BaseDelay", "00:00:00.010");
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help")), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TelemetryCapture.Flush(app.Services);

        const string Operation = ConnectorTelemetry.ReplyToActivity;
        Assert.Equal(1, telemetry.Sum("ospbot.connector.retries", (ConnectorTelemetry.OperationTag, Operation), ("http.response.status_code", 429)));
        Assert.Equal(1, telemetry.Sum("ospbot.connector.throttled", (ConnectorTelemetry.OperationTag, Operation)));
        Assert.Equal(1, telemetry.Count("ospbot.connector.duration", (ConnectorTelemetry.OperationTag, Operation), (ConnectorTelemetry.OutcomeTag, "ok")));
        var call = Assert.Single(telemetry.Spans(ConnectorTelemetry.SpanName));
        Assert.Single(call.Events, e => e.Name == "retry");
        Assert.Equal<string?>(["429", "200"], Attempts(telemetry, call));
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task A_graph_call_through_the_real_sdk_is_traced_with_its_429_and_retry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var graph = await GraphStub.StartAsync(ct);
        graph.Respond = (_, n) => n == 0
            ? StubReply.Error(429, "TooManyRequests", ("Retry-After", "0"))
            : StubReply.Json(200, """{"id":"event-1","attendees":[]}""");
        await using var app = telemetry.Attach(new OspBotApp()).WithServices(s => s.AddSingleton<IMeetingCalendar>(graph.Calendar()));

        var responses = await app.Services.GetRequiredService<IMeetingCalendar>().GetResponsesAsync("event-1", ct);
        TelemetryCapture.Flush(app.Services);

        Assert.Empty(responses);
        var call = Assert.Single(telemetry.Spans(GraphTelemetry.SpanName));
        Assert.Equal(("GET", "200"), (TelemetryCapture.Tag(call, "http.request.method"), TelemetryCapture.Tag(call, "http.response.status_code")));
        Assert.Single(call.Events, e => e.Name == "retry");
        Assert.Equal<string?>(["429", "200"], Attempts(telemetry, call));
        Assert.Equal(1, telemetry.Count("ospbot.graph.duration", ("http.request.method", "GET"), ("http.response.status_code", 200)));
        Assert.Equal(1, telemetry.Sum("ospbot.graph.retries", ("http.request.method", "GET")));
        Assert.Equal(1, telemetry.Sum("ospbot.graph.throttled", ("http.request.method", "GET")));
        Assert.Equal(2, graph.Requests.Count);
    }

    /// The HTTP client's spans inside a call's span, in order: one per attempt, with the status it got.
    private static IReadOnlyList<string?> Attempts(TelemetryCapture telemetry, Activity call) =>
        [.. telemetry.AllSpans.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == call.SpanId)
            .OrderBy(s => s.StartTimeUtc).Select(s => TelemetryCapture.Tag(s, "http.response.status_code"))];
}
