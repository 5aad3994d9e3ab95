using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OspBot.Observability;

/// The one ActivitySource and Meter OspBot's own spans and instruments live on, and the attribute names they share.
/// Both are static: with no listener (telemetry off, the default) a StartActivity returns null and a measurement is a
/// flag check. docs/OPERATIONS.md lists every name below; keep the two in step.
internal static class OspTelemetry
{
    public const string SourceName = "OspBot";
    public const string MeterName = "OspBot";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    /// Seconds, from 5 ms (a database command) to a minute (a connector call riding out retries).
    public static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60],
    };

    // OpenTelemetry's semantic-convention attributes, where one fits.
    public const string HttpStatusCode = "http.response.status_code";
    public const string HttpMethod = "http.request.method";
    public const string ErrorType = "error.type";

    public static Histogram<double> Duration(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, tags: null, advice: DurationAdvice);

    /// Ends a span as failed, naming what failed in error.type (a type name or a status code: low cardinality).
    public static void Fail(Activity? span, string errorType)
    {
        if (span is null)
        {
            return;
        }
        span.SetStatus(ActivityStatusCode.Error);
        span.SetTag(ErrorType, errorType);
    }
}
