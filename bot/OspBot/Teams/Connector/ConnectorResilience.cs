using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Outbox;
using Polly;
using Polly.Retry;

namespace OspBot.Teams.Connector;

/// The retry policy of spec section 9: 429 waits for Retry-After (else backoff); 412, 502, 503, 504, timeouts
/// and network failures back off exponentially with jitter; everything else (other 4xx, 500) is final.
internal sealed class ConnectorResilience
{
    public static readonly ResiliencePropertyKey<ConnectorCall> CallKey = new("OspBot.ConnectorCall");

    public ConnectorResilience(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorResilience> logger)
    {
        var o = options.Value;
        // Polly rejects MaxRetryAttempts = 0 when the pipeline is built, which took every connector call (and so
        // every turn) down with it: "no retries" is simply no retry strategy. The backoff waits run on the
        // injected clock, so tests can play a long outage in little real time.
        Pipeline = o.MaxRetries == 0 ? ResiliencePipeline<HttpResponseMessage>.Empty : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } r ? RetryAfter(r, time.GetUtcNow(), o.MaxDelay) : null),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    var outcome = Describe(args.Outcome);
                    ConnectorLog.Retrying(logger, call.Operation, outcome, args.AttemptNumber + 1, args.RetryDelay);
                    ConnectorTelemetry.Retried(call.Operation, args.Outcome);
                    if (call.MayDuplicate && args.Outcome.Result?.StatusCode is not System.Net.HttpStatusCode.TooManyRequests)
                    {
                        // A 5xx or a lost response to POST .../activities may still have delivered the message and
                        // the connector has no idempotency key. Issue 6 adds de-duplication here (e.g. a client
                        // message id checked before the retry); until then the risk is logged.
                        ConnectorLog.RetryMayDuplicate(logger, call.Operation, call.ConversationId, outcome);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode is 429 or 412 or 502 or 503 or 504,
        { Exception: HttpRequestException } => true,
        // HttpClient.Timeout surfaces as a TaskCanceledException wrapping a TimeoutException; the caller's own
        // cancellation does not, and is not retried.
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
        _ => false,
    };

    /// The server's Retry-After (seconds or an HTTP date) on a 429 or 503 (RFC 9110 10.2.3), capped at maxDelay;
    /// null lets the backoff decide.
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now, TimeSpan maxDelay)
    {
        if ((int)response.StatusCode is not (429 or 503) || response.Headers.RetryAfter is not RetryConditionHeaderValue hint)
        {
            return null;
        }

        var wait = hint.Delta ?? (hint.Date is { } date ? date - now : null);
        if (wait is not { } w)
        {
            return null;
        }

        return w < TimeSpan.Zero ? TimeSpan.Zero : w > maxDelay ? maxDelay : w;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : outcome.Exception?.GetType().Name ?? "nothing";
}

/// One logical connector operation, whatever the number of attempts.
/// <param name="MayDuplicate">A POST that creates a message: re-sending after an ambiguous failure can duplicate it.</param>
internal sealed record ConnectorCall(string Operation, HttpMethod Method, Uri Url, string? ConversationId, bool RateLimited, bool MayDuplicate)
{
    /// Asked once, just before the first request leaves (after the rate limiter); false withdraws the call.
    public Func<CancellationToken, Task<bool>>? BeforeSend { get; init; }
}

/// The call's BeforeSend withdrew it before anything was sent.
internal sealed class ConnectorSendWithdrawnException(string operation)
    : Exception($"Connector {operation} was withdrawn by its sender before anything was sent.");
