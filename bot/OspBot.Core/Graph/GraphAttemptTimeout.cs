namespace OspBot.Graph;

/// Gives up on one request to Graph after Graph:Timeout. A TimeoutException says "no answer in time", which is not
/// "refused": the request may have arrived and been carried out, so GraphErrors reports it as such.
internal sealed class GraphAttemptTimeout(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && attempt.IsCancellationRequested)
        {
            throw new TimeoutException($"Microsoft Graph did not answer within {timeout.TotalSeconds:0.#} seconds.", e);
        }
    }
}
