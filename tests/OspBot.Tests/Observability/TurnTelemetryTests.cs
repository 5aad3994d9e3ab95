using System.Diagnostics;
using System.Net;
using OspBot.Observability;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Observability;

/// Issue 11: each activity at the messages endpoint is one measurement of ospbot.turn.duration and, when a turn runs,
/// one ospbot.turn span, both tagged with the activity type, the command (never the text typed) and the outcome.
[Collection(TelemetryGroup.Name)]
public sealed class TurnTelemetryTests
{
    private const string Duration = "ospbot.turn.duration";

    [Fact]
    public async Task A_help_turn_is_one_span_and_one_duration_with_its_reply_and_database_commands_inside()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = telemetry.Attach(new OspBotApp());
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help", id: "help-1")), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TelemetryCapture.Flush(app.Services);

        var turn = Assert.Single(telemetry.Spans(TurnTelemetry.SpanName), s => TelemetryCapture.Tag(s, TurnTelemetry.ActivityIdTag) == "help-1");
        Assert.Equal(("message", "help", "replied"), Tags(turn));
        var reply = Assert.Single(telemetry.Spans(ConnectorTelemetry.SpanName), s => s.ParentSpanId == turn.SpanId);
        Assert.Equal(ConnectorTelemetry.ReplyToActivity, TelemetryCapture.Tag(reply, ConnectorTelemetry.OperationTag));
        Assert.Equal("ok", TelemetryCapture.Tag(reply, ConnectorTelemetry.OutcomeTag));
        Assert.Contains(telemetry.Spans(DbCommandTelemetry.SpanName), s => s.TraceId == turn.TraceId
            && TelemetryCapture.Tag(s, DbCommandTelemetry.SystemTag) == "sqlite" && TelemetryCapture.Tag(s, DbCommandTelemetry.OperationTag) == "SELECT");

        var point = Assert.Single(telemetry.Points(Duration, (TurnTelemetry.CommandTag, "help")));
        Assert.Equal(1, point.GetHistogramCount());
        Assert.Equal("message", TelemetryCapture.Tag(point, TurnTelemetry.ActivityTypeTag));
        Assert.Equal("replied", TelemetryCapture.Tag(point, TurnTelemetry.OutcomeTag));
        Assert.True(telemetry.Count("ospbot.db.command.duration", (DbCommandTelemetry.SystemTag, "sqlite"), (DbCommandTelemetry.OperationTag, "SELECT")) > 0);
        Assert.Equal(1, telemetry.Count("ospbot.connector.duration", (ConnectorTelemetry.OperationTag, ConnectorTelemetry.ReplyToActivity), (ConnectorTelemetry.OutcomeTag, "ok")));
    }

    [Fact]
    public async Task What_a_person_types_never_becomes_a_tag()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = telemetry.Attach(new OspBotApp());
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "my secret plan for Cowley", id: "typed-1")), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TelemetryCapture.Flush(app.Services);

        var turn = Assert.Single(telemetry.Spans(TurnTelemetry.SpanName), s => TelemetryCapture.Tag(s, TurnTelemetry.ActivityIdTag) == "typed-1");
        Assert.Equal(("message", TurnCommands.NotUnderstood, "replied"), Tags(turn));
        Assert.DoesNotContain(telemetry.AllSpans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("Cowley", StringComparison.Ordinal) == true);
        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.CommandTag, TurnCommands.NotUnderstood)));
    }

    [Fact]
    public async Task A_refusal_a_failure_and_a_repeat_each_have_their_outcome()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = telemetry.Attach(new OspBotApp());
        using var client = app.CreateClient();

        // Someone not in the directory asks for the secretariat's status card.
        await PostAsync(client, Activities.Message(connector.ServiceUrl, "status", id: "status-1"), ct);
        // The same activity delivered again does not run again.
        await PostAsync(client, Activities.Message(connector.ServiceUrl, "status", id: "status-1"), ct);
        // Teams refuses the reply (and the apology): the turn fails.
        connector.Respond = _ => (400, """{"error":{"code":"BadArgument","message":"no"}}""");
        await PostAsync(client, Activities.Message(connector.ServiceUrl, "help", id: "help-fails"), ct);
        TelemetryCapture.Flush(app.Services);

        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.CommandTag, "status"), (TurnTelemetry.OutcomeTag, "refused")));
        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.CommandTag, "status"), (TurnTelemetry.OutcomeTag, "duplicate")));
        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.CommandTag, "help"), (TurnTelemetry.OutcomeTag, "error")));
        var failed = Assert.Single(telemetry.Spans(TurnTelemetry.SpanName), s => TelemetryCapture.Tag(s, TurnTelemetry.ActivityIdTag) == "help-fails");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(OspBot.Teams.Connector.ConnectorException).FullName, TelemetryCapture.Tag(failed, "error.type"));
        Assert.Equal(2, telemetry.Count("ospbot.connector.duration", (ConnectorTelemetry.OutcomeTag, "failed"), ("http.response.status_code", 400)));
    }

    [Fact]
    public async Task Requests_turned_away_at_the_door_are_unauthorised_or_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = telemetry.Attach(new OspBotApp()).With("AllowedTenants:0", "99999999-0000-0000-0000-000000000000");
        using var client = app.CreateClient();

        using var otherTenant = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help")), ct);
        using var notJson = await client.PostAsync("/api/messages", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), (otherTenant.StatusCode, notJson.StatusCode));
        TelemetryCapture.Flush(app.Services);

        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.OutcomeTag, "unauthorised")));
        Assert.Equal(1, telemetry.Count(Duration, (TurnTelemetry.OutcomeTag, "rejected")));
        Assert.Empty(telemetry.Spans(TurnTelemetry.SpanName));
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Traces_and_metrics_go_to_the_collector_named_by_OTEL_EXPORTER_OTLP_ENDPOINT()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = telemetry.Attach(new OspBotApp()).With("Jobs:InstanceId", "ospbot-node-7");
        using var client = app.CreateClient();

        await PostAsync(client, Activities.Message(connector.ServiceUrl, "help"), ct);
        TelemetryCapture.Flush(app.Services);

        var traces = telemetry.Exported.Where(e => e.Path == "/v1/traces").SelectMany(e => e.Body).ToArray();
        var metrics = telemetry.Exported.Where(e => e.Path == "/v1/metrics").SelectMany(e => e.Body).ToArray();
        // OTLP is protobuf, whose strings are plain UTF-8: the resource and the names can be found in the bytes.
        foreach (var expected in new[] { "ospbot", "ospbot-node-7", TurnTelemetry.SpanName })
        {
            Assert.True(Contains(traces, expected), $"the exported traces name {expected}");
        }
        Assert.True(Contains(metrics, "ospbot.turn.duration"), "the exported metrics include ospbot.turn.duration");
    }

    private static (string?, string?, string?) Tags(Activity span) => (
        TelemetryCapture.Tag(span, TurnTelemetry.ActivityTypeTag),
        TelemetryCapture.Tag(span, TurnTelemetry.CommandTag),
        TelemetryCapture.Tag(span, TurnTelemetry.OutcomeTag));

    private static async Task PostAsync(HttpClient client, System.Text.Json.Nodes.JsonObject activity, CancellationToken ct)
    {
        using var response = await client.PostAsync("/api/messages", Activities.Json(activity), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
