using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OspBot.Tests.Fakes;

/// Self-signed certificates made on the spot, as `az ad app credential reset --create-cert` or openssl would make an
/// app registration's certificate, and files of them in the formats operators deploy.
internal static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    public static X509Certificate2 Valid(string subject = "ospbot-test") =>
        SelfSigned(subject, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    /// A certificate for a loopback HTTPS server (subject alternative name 127.0.0.1).
    public static X509Certificate2 Loopback()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Kestrel wants a key it can use on every platform: a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public static string WritePfx(X509Certificate2 certificate, string folder, string? password)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// One PEM file holding the certificate and its (unencrypted) PKCS#8 private key.
    public static string WritePem(X509Certificate2 certificate, string folder)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.pem");
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }
}
