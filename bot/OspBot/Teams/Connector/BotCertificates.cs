using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OspBot.Teams.Connector;

/// The bot's client certificate, from a file (PFX or PEM) or from the certificate store, checked the way Entra ID
/// will check it: present, with its private key, and valid today. Every failure names the setting to fix and never
/// repeats the certificate's password.
internal static class BotCertificates
{
    private const string Path = BotConnectionSettings.Path;

    /// A certificate this close to its expiry is announced at start-up (event 2211), so it is renewed in time.
    public static readonly TimeSpan RenewalWarning = TimeSpan.FromDays(30);

    public sealed record Loaded(X509Certificate2? Certificate, string? Error);

    public static Loaded Load(BotConnectionSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loaded = BySubject(settings) ? FromStore(settings, byThumbprint: false, now)
            : !string.IsNullOrWhiteSpace(settings.CertificatePath) ? FromFile(settings)
            : FromStore(settings, byThumbprint: true, now);
        return loaded.Certificate is { } certificate ? Check(certificate, Setting(settings), now) : loaded;
    }

    /// The setting that names where the certificate came from.
    public static string Setting(BotConnectionSettings settings) =>
        BySubject(settings) ? $"{Path}:CertSubjectName '{settings.CertSubjectName}'"
        : !string.IsNullOrWhiteSpace(settings.CertificatePath) ? $"{Path}:CertificatePath '{settings.CertificatePath}'"
        : $"{Path}:CertThumbprint '{settings.CertThumbprint}'";

    private static bool BySubject(BotConnectionSettings settings) => settings.AuthType == BotAuthType.CertificateSubjectName;

    private static Loaded FromFile(BotConnectionSettings settings)
    {
        var path = settings.CertificatePath!;
        if (!File.Exists(path))
        {
            return Fail($"{Setting(settings)} does not exist (or the bot cannot read it).");
        }
        if (settings.CertificateKeyPath is { Length: > 0 } key && !File.Exists(key))
        {
            return Fail($"{Path}:CertificateKeyPath '{key}' does not exist (or the bot cannot read it).");
        }

        try
        {
            var keyPath = string.IsNullOrWhiteSpace(settings.CertificateKeyPath) ? null : settings.CertificateKeyPath;
            var password = string.IsNullOrEmpty(settings.CertificatePassword) ? null : settings.CertificatePassword;
            var certificate = IsPem(path)
                ? password is null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return new Loaded(certificate, null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Fail($"{Setting(settings)} could not be read as a certificate with its private key: {e.Message} "
                + $"Check {Path}:CertificatePassword, and {Path}:CertificateKeyPath when the PEM key is in a file of its own.");
        }
    }

    private static Loaded FromStore(BotConnectionSettings settings, bool byThumbprint, DateTimeOffset now)
    {
        var where = $"{settings.CertStoreLocation}/{settings.CertStoreName}";
        try
        {
            using var store = new X509Store(settings.CertStoreName, settings.CertStoreLocation);
            store.Open(OpenFlags.ReadOnly);
            var found = byThumbprint
                ? store.Certificates.Find(X509FindType.FindByThumbprint, Normalise(settings.CertThumbprint!), settings.ValidCertificateOnly)
                : store.Certificates.Find(X509FindType.FindBySubjectName, settings.CertSubjectName!, settings.ValidCertificateOnly);
            // A renewed certificate sits beside the old one under the same subject: the newest that is valid now wins.
            var chosen = found.Where(c => c.NotBefore <= now.UtcDateTime).OrderByDescending(c => c.NotAfter).FirstOrDefault()
                ?? found.OrderByDescending(c => c.NotAfter).FirstOrDefault();
            return chosen is null
                ? Fail($"{Setting(settings)}: no {(settings.ValidCertificateOnly ? "valid " : "")}certificate found in the {where} store.")
                : new Loaded(chosen, null);
        }
        catch (CryptographicException e)
        {
            return Fail($"{Path}:CertStoreLocation/CertStoreName: the {where} store cannot be opened ({e.Message}). On Linux use "
                + $"CurrentUser, or {Path}:CertificatePath with a file.");
        }
    }

    private static Loaded Check(X509Certificate2 certificate, string setting, DateTimeOffset now)
    {
        if (!certificate.HasPrivateKey)
        {
            return Fail($"{setting}: the certificate {certificate.Thumbprint} has no private key; the bot signs with it, so it needs one.");
        }
        if (now.UtcDateTime >= certificate.NotAfter.ToUniversalTime())
        {
            return Fail($"{setting}: the certificate {certificate.Thumbprint} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC. "
                + "Add a new certificate to the app registration and deploy it.");
        }
        if (now.UtcDateTime < certificate.NotBefore.ToUniversalTime())
        {
            return Fail($"{setting}: the certificate {certificate.Thumbprint} is not valid until {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
        }
        return new Loaded(certificate, null);
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }

    private static string Normalise(string thumbprint) =>
        new([.. thumbprint.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant)]);

    private static Loaded Fail(string error) => new(null, error);
}
