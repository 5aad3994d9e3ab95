using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Conversations;
using OspBot.Outbox;
using Polly;

namespace OspBot.Teams.Connector;

/// Sends one connector call: refuses untrusted hosts, waits for the rate limiter and attaches the token on
/// every attempt (a retry may come minutes later), retries through the pipeline, and turns a final failure
/// into a ConnectorException.
internal sealed class ConnectorTransport(
    IHttpClientFactory httpClients,
    IBotTokenProvider tokens,
    TrustedServiceUrls trusted,
    ConnectorRateLimiter limiter,
    ConnectorResilience resilience,
    IServiceScopeFactory scopes,
    ILogger<ConnectorTransport> logger)
{
    public const string HttpClientName = "BotConnector";

    // Error bodies are small; a misbehaving proxy's page is not read whole.
    private const int MaxErrorBodyChars = 16 * 1024;

    public async Task<TResponse?> SendAsync<TBody, TResponse>(
        ConnectorCall call, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        EnsureTrusted(call);
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);

        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(ConnectorResilience.CallKey, call);
        var beforeFirstRequest = call.BeforeSend is null ? null : new BeforeFirstRequest(call.BeforeSend);
        HttpResponseMessage response;
        try
        {
            response = await resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.self.AttemptAsync(state.call, state.payload, state.beforeFirstRequest, ctx.CancellationToken),
                context,
                (self: this, call, payload, beforeFirstRequest));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
        {
            ConnectorLog.NetworkFailure(logger, ex, call.Operation);
            throw new ConnectorException(0, "NetworkError", $"Connector {call.Operation} failed without a response: {ex.Message}", innerException: ex);
        }
        catch (BotTokenException ex)
        {
            // Logged where it failed (events 2212, 2213); nothing left, so the send is certainly not delivered.
            throw new ConnectorException(0, ConnectorException.BotTokenUnavailable, $"Connector {call.Operation} not sent: {ex.Message}", innerException: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if ((int)response.StatusCode is 200 or 201 or 202)
            {
                return await ReadJsonAsync(response, responseType, ct);
            }

            throw await FailAsync(call, response, ct);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ConnectorCall call, byte[]? payload, BeforeFirstRequest? beforeFirstRequest, CancellationToken ct)
    {
        // Held until the response is in: the limiter counts the send as possibly arriving any time until then.
        using var lease = call.RateLimited ? await limiter.AcquireAsync(call.ConversationId, ct) : null;
        using var request = new HttpRequestMessage(call.Method, call.Url);
        if (await tokens.GetTokenAsync(ct) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var http = httpClients.CreateClient(HttpClientName);
        // Last, so that only the request itself lies between the sender's "sending" mark and the wire.
        if (beforeFirstRequest is not null && !await beforeFirstRequest.ProceedAsync(ct))
        {
            throw new ConnectorSendWithdrawnException(call.Operation);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && call.ConversationId is { } conversationId)
        {
            // Learnt before the retry waits, so a turn's reply to the same chat waits too instead of earning
            // another 429, while sends to other conversations carry on.
            limiter.Throttled(conversationId, response);
        }

        return response;
    }

    /// Asks the call's BeforeSend once, before the first request: a retry is the same message, already marked as sending.
    private sealed class BeforeFirstRequest(Func<CancellationToken, Task<bool>> beforeSend)
    {
        private bool _asked;

        public async Task<bool> ProceedAsync(CancellationToken ct)
        {
            if (_asked)
            {
                return true;
            }

            _asked = true;
            return await beforeSend(ct);
        }
    }

    // The token must never reach a host we did not learn from a validated channel token or configuration, and
    // never in clear text: the call is refused before anything is sent.
    private void EnsureTrusted(ConnectorCall call)
    {
        var insecure = call.Url.Scheme != Uri.UriSchemeHttps && !call.Url.IsLoopback;
        if (!trusted.IsTrusted(call.Url) || insecure)
        {
            ConnectorLog.UntrustedServiceUrl(logger, call.Operation, call.Url.Host);
            throw new ConnectorException(0, "UntrustedServiceUrl",
                $"Refused to call {call.Url.Scheme}://{call.Url.Host}: not a trusted Bot Connector service URL.");
        }
    }

    private async Task<ConnectorException> FailAsync(ConnectorCall call, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        var (code, message) = ConnectorErrors.Parse(text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text);
        var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        ConnectorLog.RequestFailed(logger, call.Operation, status, code, message, correlation);

        var error = new ConnectorException(status, code,
            $"Connector {call.Operation} failed with {status} {code}: {message}", correlation);
        if (error.IsConversationUnreachable && call.ConversationId is { } conversationId)
        {
            await MarkUnreachableAsync(conversationId, code!, ct);
        }

        return error;
    }

    // Scoped because the implementation (data layer) uses a DbContext. Its failure must not hide the
    // connector's answer, so it is logged and the ConnectorException still thrown.
    private async Task MarkUnreachableAsync(string conversationId, string code, CancellationToken ct)
    {
        ConnectorLog.ConversationUnreachable(logger, conversationId, code);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reachability = scope.ServiceProvider.GetRequiredService<IConversationReachability>();
            await reachability.MarkUnreachableAsync(conversationId, code, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConnectorLog.MarkUnreachableFailed(logger, ex, conversationId);
        }
    }

    // A 202 may come with no body, chunked or not; that is a success without a result, not a parse error.
    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return bytes.Length == 0 ? default : JsonSerializer.Deserialize(bytes, type);
    }
}
