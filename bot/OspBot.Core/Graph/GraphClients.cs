using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OspBot.Identity;
using OspBot.Observability;

namespace OspBot.Graph;

/// Builds the GraphServiceClient from GraphOptions: the app-only credential, the SDK's own middleware with its
/// RetryHandler tuned from options (one retry layer, honouring Retry-After), and the configured endpoint.
internal static class GraphClients
{
    /// <paramref name="federated"/> lets tests point the federated credential's token request at a local endpoint.
    public static TokenCredential Credential(GraphOptions options, ClientAssertionCredentialOptions? federated = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.FederatedClientId))
        {
            var assertion = new ManagedIdentityAssertion(options.FederatedClientId);
            return new ClientAssertionCredential(options.TenantId, options.ClientId, assertion.GetAsync, federated);
        }
        if (options.UseManagedIdentity)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId!));
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate);
        }
        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }

    /// The transport is replaceable for tests; production uses the SDK's default handler.
    public static GraphServiceClient Create(GraphOptions options, TokenCredential credential, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUri = new Uri(options.BaseUrl.TrimEnd('/'));

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.Single(h => h is RetryHandler);
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = options.MaxRetries,
            Delay = options.RetryDelaySeconds,
            // The SDK retries 429, 503 and 504; 500 and 502 are transient at Graph too. Creates are safe to
            // repeat because they carry a transactionId, and the other writes are idempotent.
            ShouldRetry = (_, _, response) => response.StatusCode is HttpStatusCode.TooManyRequests
                or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        });
        // Innermost, so each attempt has its own limit and the RetryHandler's waits (Retry-After) are not cut short.
        handlers.Add(new GraphAttemptTimeout(options.Timeout));
        GraphTelemetry.Instrument(handlers);
        var http = GraphClientFactory.Create(handlers, finalHandler: transport);
        // The SDK's 100 s would cover the whole call, retries and their waits included; each attempt is bounded
        // above instead, the waits by the RetryHandler (at most 180 s each, Graph:MaxRetries of them), and the
        // caller's token bounds the rest.
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;

        // The token goes only to the configured host, for that host's resource (graph.microsoft.com/.default).
        var auth = new AzureIdentityAuthenticationProvider(
            credential, [baseUri.Host], null, true, $"{baseUri.GetLeftPart(UriPartial.Authority)}/.default");
        return new GraphServiceClient(http, auth, baseUri.ToString().TrimEnd('/'));
    }
}
