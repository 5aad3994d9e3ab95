using Azure;
using Azure.Core;
using Azure.Identity;

namespace OspBot.Identity;

/// <summary>
/// A federated identity credential's first step: the user-assigned managed identity's token for Entra ID's token
/// exchange audience, which an app registration that trusts the identity accepts as its client assertion (Microsoft's
/// secretless pattern: nothing to store, nothing to rotate). The bot's Bot Connector token and Graph's share it, so one
/// managed identity can serve both. Azure.Identity caches the token and renews it before it expires.
/// </summary>
public sealed class ManagedIdentityAssertion
{
    /// The audience Entra ID expects of a federated assertion in the public cloud.
    public const string TokenExchangeScope = "api://AzureADTokenExchange/.default";

    private readonly TokenCredential _managedIdentity;
    private readonly TokenRequestContext _request = new([TokenExchangeScope]);

    public ManagedIdentityAssertion(string managedIdentityClientId, TokenCredential? managedIdentity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managedIdentityClientId);
        ManagedIdentityClientId = managedIdentityClientId;
        _managedIdentity = managedIdentity
            ?? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
    }

    public string ManagedIdentityClientId { get; }

    /// The assertion, or <see cref="ManagedIdentityAssertionException"/> saying that this step (not the app
    /// registration's) failed.
    public async Task<string> GetAsync(CancellationToken ct)
    {
        try
        {
            return (await _managedIdentity.GetTokenAsync(_request, ct)).Token;
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException)
        {
            throw new ManagedIdentityAssertionException(
                $"The managed identity {ManagedIdentityClientId} gave no token for api://AzureADTokenExchange: {e.Message} "
                + "Check that this identity is assigned to the host (App Service or Container Apps: Identity, User assigned).", e);
        }
    }
}

/// The managed identity's step of a federated credential failed; the app registration was never asked.
public sealed class ManagedIdentityAssertionException(string message, Exception innerException) : Exception(message, innerException);
