using System.Security.Cryptography.X509Certificates;

namespace OspBot.Teams;

/// <summary>
/// How the bot proves who it is when it asks Entra ID for its Bot Connector token, under the Microsoft 365 Agents SDK's
/// own keys (Connections:ServiceConnection:Settings:AuthType, CertThumbprint, CertSubjectName, CertStoreName, SendX5C,
/// ValidCertificateOnly, FederatedClientId), beside the Bot Framework's MicrosoftAppId and MicrosoftAppTenantId, which
/// stay the bot's identity. Unset AuthType keeps the Bot Framework's choice: MicrosoftAppPassword, or the managed
/// identity for MicrosoftAppType UserAssignedMSI.
/// </summary>
internal sealed class BotConnectionSettings
{
    /// The configuration path of these settings, for messages that name a setting.
    public const string Path = "Connections:ServiceConnection:Settings";

    /// <summary>ClientSecret, Certificate, CertificateSubjectName, FederatedCredentials or UserManagedIdentity.</summary>
    public BotAuthType? AuthType { get; set; }

    /// <summary>Certificate: the thumbprint of a certificate (with its private key) in the certificate store.</summary>
    public string? CertThumbprint { get; set; }

    /// <summary>CertificateSubjectName: the subject (CN) sought in the store; the newest valid match is used, so a renewed
    /// certificate is picked up at the next start.</summary>
    public string? CertSubjectName { get; set; }

    /// <summary>The store searched for CertThumbprint or CertSubjectName (default My).</summary>
    public StoreName CertStoreName { get; set; } = StoreName.My;

    /// <summary>CurrentUser (default) or LocalMachine (Windows only for My).</summary>
    public StoreLocation CertStoreLocation { get; set; } = StoreLocation.CurrentUser;

    /// <summary>Certificate: a .pfx/.p12 or PEM file instead of the store (e.g. a mounted secret volume).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The private key's PEM file when it is not inside <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Password of the .pfx file or of an encrypted PEM key. Secret: environment or user-secrets only.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Send the certificate chain (x5c) with each assertion, for subject name and issuer authentication.</summary>
    public bool SendX5C { get; set; }

    /// <summary>Accept only a store certificate whose chain validates. Off by default: app registration certificates
    /// are usually self-signed, and Entra ID trusts the one registered on the app.</summary>
    public bool ValidCertificateOnly { get; set; }

    /// <summary>FederatedCredentials: the client id of the user-assigned managed identity whose token for
    /// api://AzureADTokenExchange is the app registration's client assertion.</summary>
    public string? FederatedClientId { get; set; }

    /// True when a setting of a secretless credential is present (used to say that AuthType is missing).
    public bool HasCredentialSettings =>
        new[] { CertThumbprint, CertSubjectName, CertificatePath, FederatedClientId }.Any(v => !string.IsNullOrWhiteSpace(v));
}

/// The Agents SDK's auth types this bot supports.
internal enum BotAuthType
{
    ClientSecret,
    Certificate,
    CertificateSubjectName,
    FederatedCredentials,
    UserManagedIdentity,
}

/// Connections:ServiceConnection:Settings, shaped as the Agents SDK nests it.
internal sealed class BotConnections
{
    public BotConnection ServiceConnection { get; set; } = new();
}

internal sealed class BotConnection
{
    public BotConnectionSettings Settings { get; set; } = new();
}
