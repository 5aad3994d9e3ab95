using System.ComponentModel.DataAnnotations;

namespace OspBot.Teams;

/// The bot's identity and how it authenticates, under the Bot Framework's own configuration keys
/// (top level, as in the SDK's samples: MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId).
internal sealed class BotOptions
{
    /// The Bot Framework keys sit at the root of configuration.
    public const string Section = "";

    /// MultiTenant, SingleTenant or UserAssignedMSI. New Azure Bots are SingleTenant.
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// The Entra application (client) id of the Azure Bot. Empty means local development: no authentication.
    public string? MicrosoftAppId { get; set; }

    /// The app's client secret (MultiTenant and SingleTenant). From user-secrets or the environment only.
    public string? MicrosoftAppPassword { get; set; }

    /// The app registration's home tenant (SingleTenant) or the managed identity's tenant.
    public string? MicrosoftAppTenantId { get; set; }

    /// The Agents SDK's connection settings: a certificate or a federated credential instead of the secret.
    public BotConnections Connections { get; set; } = new();

    public BotConnectionSettings Credential => Connections.ServiceConnection.Settings;

    /// How the bot gets its token: Connections:ServiceConnection:Settings:AuthType, or what MicrosoftAppType implies.
    public BotAuthType AuthType =>
        Credential.AuthType ?? (MicrosoftAppType == BotAppType.UserAssignedMSI ? BotAuthType.UserManagedIdentity : BotAuthType.ClientSecret);

    /// OpenID metadata of the Bot Framework channel service; change only for sovereign clouds.
    [Url]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// Issuer of the channel service's tokens; change only for sovereign clouds.
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// Authority host that issues the bot's outbound tokens; change only for sovereign clouds.
    [Url]
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// Scope of the bot's outbound tokens for the Bot Connector.
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// Hosts the bot sends its token to besides those learned from validated tokens (e.g. a GCC connector).
    public List<string> TrustedServiceHosts { get; set; } = [];

    /// With no MicrosoftAppId, the bot listens on loopback only unless this is set: unauthenticated
    /// traffic from the network would otherwise be accepted.
    public bool AllowUnauthenticatedNonLoopback { get; set; }

    /// Tenants whose activities the bot serves (conversation.tenantId); others get 403. Empty serves every
    /// tenant the channel authenticates: a SingleTenant Azure Bot may still be reached from other tenants
    /// (spec section 3), so production sets this to the organisation's own tenant id(s).
    public List<string> AllowedTenants { get; set; } = [];

    /// True when the activity's tenant may be served (always when <see cref="AllowedTenants"/> is empty).
    public bool ServesTenant(string? tenantId) =>
        AllowedTenants.Count == 0
        || (tenantId is { Length: > 0 } && AllowedTenants.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase)));

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

internal enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
