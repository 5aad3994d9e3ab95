using OspBot.Teams.Connector;

namespace OspBot.Teams;

/// The credential half of the start-up check: the settings the chosen AuthType needs, and only those, and for a
/// certificate that it can be loaded, has its key and is valid today. Messages name settings, never their values
/// when they are secrets.
internal static class BotCredentialValidation
{
    private const string Settings = BotConnectionSettings.Path;

    public static IEnumerable<string> Errors(BotOptions options, DateTimeOffset now)
    {
        var credential = options.Credential;
        var hasSecret = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (credential.AuthType is null && credential.HasCredentialSettings)
        {
            yield return $"{Settings}:AuthType is not set, yet certificate or federated credential settings are: set it to Certificate, "
                + "CertificateSubjectName or FederatedCredentials.";
            yield break;
        }

        switch (options.AuthType)
        {
            case BotAuthType.ClientSecret when options.MicrosoftAppType == BotAppType.UserAssignedMSI:
                yield return $"MicrosoftAppType is UserAssignedMSI but {Settings}:AuthType is ClientSecret: choose one (UserManagedIdentity goes with UserAssignedMSI).";
                break;
            case BotAuthType.ClientSecret when options.MicrosoftAppType == BotAppType.MultiTenant && !hasSecret:
                yield return "MicrosoftAppType is MultiTenant: set MicrosoftAppPassword (the app's client secret).";
                break;
            case BotAuthType.ClientSecret when options.MicrosoftAppType == BotAppType.SingleTenant && (!hasSecret || !hasTenant):
                yield return "MicrosoftAppType is SingleTenant: set MicrosoftAppPassword (client secret) and MicrosoftAppTenantId (the app registration's home tenant). "
                    + $"Without a secret: {Settings}:AuthType=Certificate or FederatedCredentials.";
                break;
            case BotAuthType.UserManagedIdentity when options.MicrosoftAppType != BotAppType.UserAssignedMSI:
                yield return $"{Settings}:AuthType UserManagedIdentity needs MicrosoftAppType=UserAssignedMSI (an Azure Bot created for a managed identity).";
                break;
            case BotAuthType.UserManagedIdentity when hasSecret:
                yield return "MicrosoftAppType is UserAssignedMSI: remove MicrosoftAppPassword; the managed identity needs no secret.";
                break;
            case BotAuthType.UserManagedIdentity when !hasTenant:
                yield return "MicrosoftAppType is UserAssignedMSI: set MicrosoftAppTenantId (the managed identity's tenant).";
                break;
            case BotAuthType.Certificate or BotAuthType.CertificateSubjectName or BotAuthType.FederatedCredentials:
                foreach (var error in Secretless(options, hasSecret, hasTenant, now))
                {
                    yield return error;
                }
                break;
        }
    }

    private static IEnumerable<string> Secretless(BotOptions options, bool hasSecret, bool hasTenant, DateTimeOffset now)
    {
        var authType = options.AuthType;
        var credential = options.Credential;
        if (options.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            yield return $"{Settings}:AuthType {authType} is for an app registration: set MicrosoftAppType=SingleTenant.";
            yield break;
        }
        if (hasSecret)
        {
            yield return $"{Settings}:AuthType is {authType}: remove MicrosoftAppPassword, the bot uses no secret.";
        }
        if (options.MicrosoftAppType == BotAppType.SingleTenant && !hasTenant)
        {
            yield return "MicrosoftAppType is SingleTenant: set MicrosoftAppTenantId (the app registration's home tenant).";
        }

        var error = authType switch
        {
            BotAuthType.FederatedCredentials when options.MicrosoftAppType != BotAppType.SingleTenant =>
                "A federated credential works with a single-tenant app registration: set MicrosoftAppType=SingleTenant.",
            BotAuthType.FederatedCredentials when !Guid.TryParse(credential.FederatedClientId, out _) =>
                $"{Settings}:AuthType is FederatedCredentials: set {Settings}:FederatedClientId to the client id (a GUID) of the user-assigned managed identity the app registration trusts.",
            BotAuthType.FederatedCredentials => null,
            BotAuthType.Certificate when string.IsNullOrWhiteSpace(credential.CertThumbprint) == string.IsNullOrWhiteSpace(credential.CertificatePath) =>
                $"{Settings}:AuthType is Certificate: set either {Settings}:CertThumbprint (a certificate in the {credential.CertStoreLocation}/{credential.CertStoreName} store) "
                + $"or {Settings}:CertificatePath (a .pfx or PEM file), not both.",
            BotAuthType.CertificateSubjectName when string.IsNullOrWhiteSpace(credential.CertSubjectName) =>
                $"{Settings}:AuthType is CertificateSubjectName: set {Settings}:CertSubjectName (the certificate's subject, e.g. ospbot.example.org).",
            _ => BotCertificates.Load(credential, now) is { Error: { } loadError } ? loadError : null,
        };
        if (error is not null)
        {
            yield return error;
        }
    }
}
