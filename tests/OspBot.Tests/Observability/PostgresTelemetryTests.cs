using System.Net;
using OspBot.Observability;
using OspBot.Outbox;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Observability;

/// Issue 11 on PostgreSQL, as in production: database commands are reported as postgresql, the outbox gauge reads
/// the Deliveries table there, and a delivery another instance already ran counts as a duplicate here.
[Collection(TelemetryGroup.Name)]
public sealed class PostgresTelemetryTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task An_activity_another_instance_ran_is_a_duplicate_and_commands_are_postgresql()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var telemetry = await TelemetryCapture.StartAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        // Only this instance reports telemetry: the instruments are process-wide, and one exporter reads them all.
        await using var measured = telemetry.Attach(OnPostgres(database));
        await using var other = OnPostgres(database);
        using var measuredClient = measured.CreateClient();
        using var otherClient = other.CreateClient();

        var first = Activities.Message(connector.ServiceUrl, "help", id: "delivered-twice");
        using (var ran = await otherClient.PostAsync("/api/messages", Activities.Json(first), ct))
        {
            Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        }
        using (var repeat = await measuredClient.PostAsync("/api/messages", Activities.Json(first), ct))
        {
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        }
        using (var fresh = await measuredClient.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help", id: "fresh")), ct))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }
        TelemetryCapture.Flush(measured.Services);

        Assert.Equal(1, telemetry.Count("ospbot.turn.duration", (TurnTelemetry.CommandTag, "help"), (TurnTelemetry.OutcomeTag, "duplicate")));
        Assert.Equal(1, telemetry.Count("ospbot.turn.duration", (TurnTelemetry.CommandTag, "help"), (TurnTelemetry.OutcomeTag, "replied")));
        var turn = Assert.Single(telemetry.Spans(TurnTelemetry.SpanName));
        Assert.Equal("fresh", TelemetryCapture.Tag(turn, TurnTelemetry.ActivityIdTag));
        Assert.Contains(telemetry.Spans(DbCommandTelemetry.SpanName), s => s.TraceId == turn.TraceId
            && TelemetryCapture.Tag(s, DbCommandTelemetry.SystemTag) == "postgresql");
        Assert.Equal(0, Assert.Single(telemetry.Points("ospbot.outbox.pending", (OutboxPendingGauge.StateTag, "due"))).GetGaugeLastValueLong());
        Assert.Equal(2, connector.Requests.Count);
    }

    private static OspBotApp OnPostgres(string connectionString) => new OspBotApp()
        .With("Database:Provider", "Postgres")
        .With("Database:ConnectionString", connectionString)
        .With("Jobs:Rounds:DispatchEnabled", "false");
}
