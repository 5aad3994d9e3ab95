using OspBot.Teams;
using OspBot.Teams.Connector;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Teams.Authentication;
using static OspBot.Tests.Teams.Hosting.StartupValidationTests;

namespace OspBot.Tests.Teams.Credentials;

/// Issue 17: a secretless bot credential that cannot work stops start-up with a message naming the setting, and
/// neither those messages nor the logs ever carry a secret or a certificate's password.
public sealed class SecretlessStartupTests
{
    private const string Settings = "Connections:ServiceConnection:Settings:";
    private const string Password = "pfx-P4ss-never-logged";
    private const string Secret = "client-S3cret-never-logged";

    [Theory]
    [InlineData("Certificate", null, null, "set either Connections:ServiceConnection:Settings:CertThumbprint")]
    [InlineData("CertificateSubjectName", null, null, "set Connections:ServiceConnection:Settings:CertSubjectName")]
    [InlineData("FederatedCredentials", null, null, "set Connections:ServiceConnection:Settings:FederatedClientId")]
    [InlineData("FederatedCredentials", "FederatedClientId", "not-a-guid", "FederatedClientId to the client id (a GUID)")]
    [InlineData("Certificate", "CertThumbprint", "0000000000000000000000000000000000000000", "no certificate found in the CurrentUser/My store")]
    [InlineData(null, "CertThumbprint", "0000000000000000000000000000000000000000", "AuthType is not set")]
    [InlineData("Certificate", "CertificatePath", "/nowhere/ospbot.pfx", "CertificatePath '/nowhere/ospbot.pfx' does not exist")]
    public void A_secretless_credential_missing_a_setting_names_it(string? authType, string? key, string? value, string expected)
    {
        var settings = SingleTenant();
        settings[Settings + "AuthType"] = authType;
        if (key is not null)
        {
            settings[Settings + key] = value;
        }

        Assert.Contains(expected, ValidationError(settings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MultiTenant", "FederatedCredentials", "set MicrosoftAppType=SingleTenant")]
    [InlineData("UserAssignedMSI", "Certificate", "is for an app registration: set MicrosoftAppType=SingleTenant")]
    [InlineData("SingleTenant", "UserManagedIdentity", "needs MicrosoftAppType=UserAssignedMSI")]
    public void The_auth_type_must_fit_the_app_type(string appType, string authType, string expected)
    {
        var settings = SingleTenant();
        settings["MicrosoftAppType"] = appType;
        settings[Settings + "AuthType"] = authType;
        settings[Settings + "FederatedClientId"] = Guid.NewGuid().ToString();

        Assert.Contains(expected, ValidationError(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_beside_a_secretless_credential_is_refused()
    {
        var settings = Federated();
        settings["MicrosoftAppPassword"] = Secret;

        var error = ValidationError(settings);

        Assert.Contains("remove MicrosoftAppPassword", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_federated_credential_passes() => Assert.Null(ValidationError(Federated()));

    [Fact]
    public void An_expired_certificate_names_the_setting_and_its_expiry()
    {
        using var expired = TestCertificates.SelfSigned("expired", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-3));
        var settings = WithCertificateFile(TestCertificates.WritePfx(expired, TestDatabases.TempFolder(), Password));

        var error = ValidationError(settings);

        Assert.Contains($"{Settings}CertificatePath '", error, StringComparison.Ordinal);
        Assert.Contains($"expired on {expired.NotAfter.ToUniversalTime():yyyy-MM-dd}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_certificate_password_names_the_password_setting_but_not_the_password()
    {
        using var certificate = TestCertificates.Valid();
        var settings = WithCertificateFile(TestCertificates.WritePfx(certificate, TestDatabases.TempFolder(), "the-real-one"));

        var error = ValidationError(settings);

        Assert.Contains($"{Settings}CertificatePassword", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_certificate_file_passes()
    {
        using var certificate = TestCertificates.Valid();

        Assert.Null(ValidationError(WithCertificateFile(TestCertificates.WritePfx(certificate, TestDatabases.TempFolder(), Password))));
    }

    [Fact]
    public async Task The_real_process_with_an_expired_certificate_exits_naming_the_setting_and_never_prints_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        using var expired = TestCertificates.SelfSigned("expired", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-3));
        var environment = WithCertificateFile(TestCertificates.WritePfx(expired, TestDatabases.TempFolder(), Password))
            .ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value!);

        var (exitCode, output) = await RunUntilExitAsync(environment, ct);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{Settings}CertificatePath", output, StringComparison.Ordinal);
        Assert.Contains("expired on", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(BotAuthType.ClientSecret))]
    [InlineData(nameof(BotAuthType.Certificate))]
    public async Task A_refused_token_request_is_logged_without_the_secret_or_the_password(string credential)
    {
        var authType = Enum.Parse<BotAuthType>(credential);
        var ct = TestContext.Current.CancellationToken;
        await using var entra = await EntraStub.StartAsync(ct);
        entra.RefuseWith = "AADSTS7000215";
        using var certificate = TestCertificates.Valid();
        var options = BotCertificateCredentialTests.Options(entra, authType, s =>
        {
            if (authType == BotAuthType.Certificate)
            {
                s.CertificatePath = TestCertificates.WritePfx(certificate, TestDatabases.TempFolder(), Password);
                s.CertificatePassword = Password;
            }
        });
        options.MicrosoftAppPassword = authType == BotAuthType.ClientSecret ? Secret : null;
        using var logs = new CapturedLogs();

        var error = await Assert.ThrowsAsync<BotTokenException>(async () =>
            await BotTokenProviders.Create(options, TimeProvider.System, logs.CreateLogger("bot"), entra.MsalHttp).GetTokenAsync(ct));

        Assert.Contains(logs.Entries, e => e.Event.Id == 2213);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(Secret, Assert.Single(entra.Requests).GetValueOrDefault("client_secret", Secret));
    }

    private static Dictionary<string, string?> SingleTenant() => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = BotCertificateCredentialTests.AppId,
        ["MicrosoftAppTenantId"] = BotCertificateCredentialTests.Tenant,
    };

    private static Dictionary<string, string?> Federated()
    {
        var settings = SingleTenant();
        settings[Settings + "AuthType"] = "FederatedCredentials";
        settings[Settings + "FederatedClientId"] = Guid.NewGuid().ToString();
        return settings;
    }

    private static Dictionary<string, string?> WithCertificateFile(string path)
    {
        var settings = SingleTenant();
        settings[Settings + "AuthType"] = "Certificate";
        settings[Settings + "CertificatePath"] = path;
        settings[Settings + "CertificatePassword"] = Password;
        return settings;
    }
}
