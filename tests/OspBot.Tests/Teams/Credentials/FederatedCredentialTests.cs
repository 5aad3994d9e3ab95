using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using OspBot.Graph;
using OspBot.Teams;
using OspBot.Teams.Connector;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Teams.Credentials;

/// Issue 17: the federated identity credential. The user-assigned managed identity's token (from an IMDS-shaped
/// stub, reached by the real ManagedIdentityCredential) becomes the client assertion of the app registration's token
/// request (a local Entra endpoint); a failure says which of the two steps failed.
public sealed class FederatedCredentialTests
{
    // One identity per test: MSAL keeps managed identity tokens in a cache shared by the whole process.
    private readonly string _identity = ImdsStub.NewIdentity();

    [Fact]
    public async Task The_managed_identity_token_is_the_client_assertion_of_the_app_registration()
    {
        var ct = TestContext.Current.CancellationToken;
        var imds = await ImdsStub.SharedAsync();
        await using var entra = await EntraStub.StartAsync(ct);

        var token = await BotTokenProviders.Create(Federated(entra), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, entra.MsalHttp)
            .GetTokenAsync(ct);

        Assert.Equal("bot-token-1", token);
        var identityRequest = Assert.Single(imds.RequestsFor(_identity));
        Assert.Equal(_identity, identityRequest["client_id"]);
        Assert.Equal("api://AzureADTokenExchange", identityRequest["resource"]);
        Assert.Equal("true", identityRequest["Metadata"]);
        var appRequest = Assert.Single(entra.Requests);
        Assert.Equal(BotCertificateCredentialTests.AppId, appRequest["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", appRequest["client_assertion_type"]);
        Assert.Equal($"mi-assertion-", appRequest["client_assertion"][.."mi-assertion-".Length]);
        Assert.EndsWith(_identity, appRequest["client_assertion"], StringComparison.Ordinal);
        Assert.Equal("https://api.botframework.com/.default", appRequest["scope"]);
    }

    [Fact]
    public async Task A_managed_identity_that_gives_no_token_is_reported_as_that_step_and_Entra_is_never_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        var imds = await ImdsStub.SharedAsync();
        await using var entra = await EntraStub.StartAsync(ct);
        imds.Refuse(_identity, "Identity not found");
        using var logs = new CapturedLogs();

        var error = await Assert.ThrowsAsync<BotTokenException>(async () => await BotTokenProviders
            .Create(Federated(entra), TimeProvider.System, logs.CreateLogger("bot"), entra.MsalHttp).GetTokenAsync(ct));

        Assert.Equal(BotTokenStep.ManagedIdentity, error.Step);
        Assert.Contains(_identity, error.Message, StringComparison.Ordinal);
        Assert.Empty(entra.Requests);
        Assert.Contains(logs.Entries, e => e.Event.Id == 2212);
        Assert.DoesNotContain(logs.Entries, e => e.Event.Id == 2213);
    }

    [Fact]
    public async Task An_assertion_the_app_registration_refuses_is_reported_as_the_app_registration_step()
    {
        var ct = TestContext.Current.CancellationToken;
        var imds = await ImdsStub.SharedAsync();
        await using var entra = await EntraStub.StartAsync(ct);
        entra.RefuseWith = "AADSTS700213";
        using var logs = new CapturedLogs();

        var error = await Assert.ThrowsAsync<BotTokenException>(async () => await BotTokenProviders
            .Create(Federated(entra), TimeProvider.System, logs.CreateLogger("bot"), entra.MsalHttp).GetTokenAsync(ct));

        Assert.Equal(BotTokenStep.AppRegistration, error.Step);
        Assert.Contains("AADSTS700213", error.Message, StringComparison.Ordinal);
        Assert.Single(imds.RequestsFor(_identity));
        Assert.Contains(logs.Entries, e => e.Event.Id == 2213);
        Assert.DoesNotContain(logs.Entries, e => e.Event.Id == 2212);
    }

    [Fact]
    public async Task One_managed_identity_serves_the_bot_and_Graph()
    {
        var ct = TestContext.Current.CancellationToken;
        var imds = await ImdsStub.SharedAsync();
        await using var entra = await EntraStub.StartAsync(ct);
        var graph = new GraphOptions
        {
            TenantId = BotCertificateCredentialTests.Tenant,
            ClientId = "cccccccc-0000-0000-0000-00000000c0c0",
            FederatedClientId = _identity,
            OrganiserMailbox = "secretariat@osp.test",
        };
        var credential = GraphClients.Credential(graph, new ClientAssertionCredentialOptions
        {
            AuthorityHost = new Uri(entra.AuthorityHost),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(entra.HttpHandler()),
        });

        await BotTokenProviders.Create(Federated(entra), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, entra.MsalHttp)
            .GetTokenAsync(ct);
        var graphToken = await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), ct);

        Assert.StartsWith("bot-token-", graphToken.Token, StringComparison.Ordinal);
        Assert.Single(imds.RequestsFor(_identity));
        var requests = entra.Requests.ToList();
        Assert.Equal([BotCertificateCredentialTests.AppId, graph.ClientId], requests.Select(r => r["client_id"]));
        Assert.All(requests, r => Assert.EndsWith(_identity, r["client_assertion"], StringComparison.Ordinal));
        Assert.Equal("https://graph.microsoft.com/.default", requests[1]["scope"]);
    }

    [Fact]
    public void Graph_with_a_federated_client_id_uses_the_managed_identity_as_its_assertion() =>
        Assert.IsType<ClientAssertionCredential>(GraphClients.Credential(new GraphOptions
        {
            TenantId = BotCertificateCredentialTests.Tenant,
            ClientId = "cccccccc-0000-0000-0000-00000000c0c0",
            FederatedClientId = _identity,
        }));

    private BotOptions Federated(EntraStub entra) =>
        BotCertificateCredentialTests.Options(entra, BotAuthType.FederatedCredentials, s => s.FederatedClientId = _identity);
}
