using System.ComponentModel.DataAnnotations;

namespace OspBot.Graph;

/// <summary>
/// Microsoft Graph, app-only, for the organiser mailbox's calendar (configuration section "Graph"). Unset
/// ClientId (the local default) means no Graph: meetings still work and the secretariat gets an .ics file.
/// Secrets belong in user-secrets or environment variables (Graph__ClientSecret), never in appsettings.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";

    /// <summary>Entra tenant id (GUID or domain); required with a client secret or certificate.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The app registration's client id. With <see cref="UseManagedIdentity"/>, the client id of the
    /// (user-assigned) managed identity instead. Setting it turns Graph on.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret of the app registration (one of the four credentials).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path of a PKCS#12 (.pfx) certificate holding the private key (one of the four credentials).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the .pfx file, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Use the host's managed identity (one of the four credentials).</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>
    /// Client id of a user-assigned managed identity that the app registration (<see cref="ClientId"/>) trusts through a
    /// federated identity credential (one of the four credentials): the identity's token for api://AzureADTokenExchange
    /// is the app's client assertion, so nothing secret is kept. The bot's
    /// Connections:ServiceConnection:Settings:FederatedClientId may name the same identity, so one serves both.
    /// </summary>
    public string? FederatedClientId { get; set; }

    /// <summary>UPN or e-mail of the mailbox that organises OSP meetings, e.g. the secretariat's shared mailbox.</summary>
    public string? OrganiserMailbox { get; set; }

    /// <summary>Id of OspBot in the tenant's Teams app catalog (appCatalogs/teamsApps/{id}), for installs.</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Graph endpoint; tests point it at a local stub.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Time zone meetings are written and read in (IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Retries of a 429 or 5xx (0–10); the wait is Graph's Retry-After when it sends one.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base back-off in seconds when Graph sends no Retry-After (doubles each retry; 0–180).</summary>
    [Range(0, 180)]
    public int RetryDelaySeconds { get; set; } = 3;

    /// <summary>
    /// How long one request to Graph may take before OspBot gives up on it (hh:mm:ss, 1 second to 5 minutes; default
    /// 30 seconds). Each attempt has its own limit, so waiting out a Retry-After does not count against it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && !baseUri.IsLoopback))
        {
            yield return new ValidationResult($"Graph:BaseUrl '{BaseUrl}' must be an absolute https URL.", [nameof(BaseUrl)]);
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Graph:TimeZone '{TimeZone}' is not a time zone this machine knows.", [nameof(TimeZone)]);
        }
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"Graph:Timeout '{Timeout}' must be between 00:00:01 and 00:05:00.", [nameof(Timeout)]);
        }
        if (!IsConfigured)
        {
            yield break;
        }

        var credentials = new[]
        {
            !string.IsNullOrWhiteSpace(ClientSecret), !string.IsNullOrWhiteSpace(CertificatePath), UseManagedIdentity,
            !string.IsNullOrWhiteSpace(FederatedClientId),
        }.Count(set => set);
        if (credentials == 0)
        {
            yield return new ValidationResult(
                "Graph:ClientId is set but no credential is: set Graph:ClientSecret, Graph:CertificatePath, Graph:FederatedClientId or Graph:UseManagedIdentity=true.",
                [nameof(ClientSecret)]);
        }
        else if (credentials > 1)
        {
            yield return new ValidationResult(
                "Choose one Graph credential: Graph:ClientSecret, Graph:CertificatePath, Graph:FederatedClientId or Graph:UseManagedIdentity, not several.",
                [nameof(ClientSecret)]);
        }
        if (!UseManagedIdentity && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult(
                "Graph:TenantId is required with a client secret, certificate or federated credential.", [nameof(TenantId)]);
        }
        if (!string.IsNullOrWhiteSpace(FederatedClientId) && !Guid.TryParse(FederatedClientId, out _))
        {
            yield return new ValidationResult(
                $"Graph:FederatedClientId '{FederatedClientId}' is not a GUID: set the client id of the user-assigned managed identity.",
                [nameof(FederatedClientId)]);
        }
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult(
                $"Graph:CertificatePath '{CertificatePath}' does not exist.", [nameof(CertificatePath)]);
        }
        if (string.IsNullOrWhiteSpace(OrganiserMailbox) || !OrganiserMailbox.Contains('@', StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                "Graph:OrganiserMailbox is required when Graph:ClientId is set: the UPN or e-mail of the mailbox that organises meetings (e.g. the secretariat's shared mailbox).",
                [nameof(OrganiserMailbox)]);
        }
    }
}
