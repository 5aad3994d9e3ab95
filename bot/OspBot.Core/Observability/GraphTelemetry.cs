using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace OspBot.Observability;

/// Microsoft Graph calls as operators see them: one span and one duration per call (whatever the SDK's RetryHandler
/// did inside it), and a count of the retries and 429s. Two handlers, one on each side of the RetryHandler: the
/// outer one sees the call, the inner one each attempt. With nothing listening each is a flag check per request.
internal static class GraphTelemetry
{
    public const string SpanName = "ospbot.graph";

    // The SDK's RetryHandler puts the retry number on every request it sends again.
    private const string RetryAttemptHeader = "Retry-Attempt";

    private static readonly Histogram<double> CallDuration =
        OspTelemetry.Duration("ospbot.graph.duration", "Microsoft Graph calls, retries included, by final status");

    private static readonly Counter<long> Retries =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.graph.retries", "{retry}", "Graph requests the SDK sent again");

    private static readonly Counter<long> Throttled =
        OspTelemetry.Meter.CreateCounter<long>("ospbot.graph.throttled", "{response}", "429 answers from Graph");

    private static bool Enabled => CallDuration.Enabled || Retries.Enabled || OspTelemetry.Source.HasListeners();

    /// Wraps the Graph SDK's handler list: the call handler outermost, the attempt handler innermost.
    public static void Instrument(IList<DelegatingHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Insert(0, new CallHandler());
        handlers.Add(new AttemptHandler());
    }

    private sealed class CallHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Enabled)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            using var span = OspTelemetry.Source.StartActivity(SpanName, ActivityKind.Internal);
            span?.SetTag(OspTelemetry.HttpMethod, request.Method.Method);
            var started = Stopwatch.GetTimestamp();
            var tags = new TagList { { OspTelemetry.HttpMethod, request.Method.Method } };
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                tags.Add(OspTelemetry.HttpStatusCode, status);
                span?.SetTag(OspTelemetry.HttpStatusCode, status);
                if (status >= 400)
                {
                    OspTelemetry.Fail(span, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                return response;
            }
            catch (Exception ex)
            {
                var errorType = ex.GetType().FullName ?? "exception";
                tags.Add(OspTelemetry.ErrorType, errorType);
                OspTelemetry.Fail(span, errorType);
                throw;
            }
            finally
            {
                CallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    private sealed class AttemptHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Enabled)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var method = new KeyValuePair<string, object?>(OspTelemetry.HttpMethod, request.Method.Method);
            if (request.Headers.Contains(RetryAttemptHeader))
            {
                Retries.Add(1, method);
                Activity.Current?.AddEvent(new ActivityEvent("retry"));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Throttled.Add(1, method);
            }
            return response;
        }
    }
}
