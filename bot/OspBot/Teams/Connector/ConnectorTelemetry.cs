using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using OspBot.Observability;
using OspBot.Teams.Schema;
using Polly;
using Activity = OspBot.Teams.Schema.Activity;

namespace OspBot.Teams.Connector;

/// Outbound Bot Connector calls: a span and a duration per call (its retries inside it), and counts of the retries
/// and of Teams' 429s. The call is measured by a decorator of IConnectorClient, registered only when telemetry is on;
/// the retries are reported by the connector's retry policy (<see cref="Retried"/>).
internal static class ConnectorTelemetry
{
    public const string SpanName = "ospbot.connector";
    public const string OperationTag = "ospbot.connector.operation";
    public const string OutcomeTag = "ospbot.connector.outcome";

    // The operations as ConnectorClient names them in its calls and logs (the retry policy reports them so).
    public const string SendToConversation = "SendToConversation";
    public const string ReplyToActivity = "ReplyToActivity";
    public const string UpdateActivity = "UpdateActivity";
    public const string CreateConversation = "CreateConversation";
    public const string GetConversationMember = "GetConversationMember";
    public const string GetConversationPagedMembers = "GetConversationPagedMembers";

    private static readonly Histogram<double> Duration =
        OspTelemetry.Duration("ospbot.connector.duration", "Bot Connector calls, retries included, by operation and outcome");

    private static readonly Counter<long> Retries =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.connector.retries", "{retry}", "Bot Connector requests sent again, by what the last one got");

    private static readonly Counter<long> Throttled =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.connector.throttled", "{response}", "429 answers from the Bot Connector");

    /// The retry policy is about to send <paramref name="operation"/> again after <paramref name="outcome"/>.
    public static void Retried(string operation, Outcome<HttpResponseMessage> outcome)
    {
        if (!Retries.Enabled && System.Diagnostics.Activity.Current is null)
        {
            return;
        }
        var tags = new TagList { { OperationTag, operation } };
        if (outcome.Result is { } response)
        {
            tags.Add(OspTelemetry.HttpStatusCode, (int)response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                Throttled.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
            }
        }
        else
        {
            tags.Add(OspTelemetry.ErrorType, outcome.Exception is HttpRequestException ? "network" : "timeout");
        }
        Retries.Add(1, tags);
        if (System.Diagnostics.Activity.Current is { OperationName: SpanName } span)
        {
            span.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection(tags)));
        }
    }

    internal static async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call)
    {
        using var span = OspTelemetry.Source.StartActivity(SpanName, ActivityKind.Internal);
        span?.SetTag(OperationTag, operation);
        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { { OperationTag, operation } };
        var outcome = "failed";
        try
        {
            var result = await call();
            // Only SendToConversation with a BeforeSend answers null: its sender withdrew it before it went.
            outcome = result is null ? "withdrawn" : "ok";
            return result;
        }
        catch (OperationCanceledException ex)
        {
            outcome = "cancelled";
            OspTelemetry.Fail(span, ex.GetType().FullName!);
            throw;
        }
        catch (ConnectorException ex) when (ex.StatusCode > 0)
        {
            tags.Add(OspTelemetry.HttpStatusCode, ex.StatusCode);
            if (ex.StatusCode == 429)
            {
                Throttled.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
            }
            OspTelemetry.Fail(span, ex.StatusCode.ToString(CultureInfo.InvariantCulture));
            throw;
        }
        catch (Exception ex)
        {
            // No answer: a network failure, or refused before sending (an untrusted service URL).
            OspTelemetry.Fail(span, (ex as ConnectorException)?.ErrorCode ?? ex.GetType().FullName!);
            throw;
        }
        finally
        {
            tags.Add(OutcomeTag, outcome);
            span?.SetTag(OutcomeTag, outcome);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}

/// IConnectorClient measured: each call goes through <see cref="ConnectorTelemetry.MeasureAsync"/>.
internal sealed class MeasuredConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.SendToConversation,
            () => inner.SendToConversationAsync(serviceUrl, conversationId, activity, ct));

    public Task<ResourceResponse?> SendToConversationAsync(
        Uri serviceUrl, string conversationId, Activity activity, Func<CancellationToken, Task<bool>> beforeSend, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.SendToConversation,
            () => inner.SendToConversationAsync(serviceUrl, conversationId, activity, beforeSend, ct));

    public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.ReplyToActivity,
            () => inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, ct));

    public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.UpdateActivity,
            () => inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct));

    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.CreateConversation,
            () => inner.CreateConversationAsync(serviceUrl, parameters, ct));

    public Task<TeamsChannelAccount> GetConversationMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.GetConversationMember,
            () => inner.GetConversationMemberAsync(serviceUrl, conversationId, memberId, ct));

    public Task<PagedMembersResult> GetConversationPagedMembersAsync(
        Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken ct) =>
        ConnectorTelemetry.MeasureAsync(ConnectorTelemetry.GetConversationPagedMembers,
            () => inner.GetConversationPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, ct));
}
