using System.Diagnostics;

namespace OspBot.Tests.Reports;

/// Converts a .docx to PDF with LibreOffice, headless, in a private profile; a test without it is skipped, naming
/// the package to install.
internal static class LibreOffice
{
    public static async Task<byte[]> ToPdfAsync(byte[] docx, CancellationToken ct)
    {
        var office = Find("soffice") ?? Find("libreoffice");
        if (office is null)
        {
            Assert.Skip("Neither soffice nor libreoffice is on PATH (apt package libreoffice-writer-nogui or libreoffice-writer).");
        }
        var dir = Directory.CreateTempSubdirectory("ospbot-report-").FullName;
        try
        {
            var file = Path.Combine(dir, "report.docx");
            await File.WriteAllBytesAsync(file, docx, ct);
            // A private profile directory so a concurrent LibreOffice (another test run, a desktop session) cannot block this one.
            var start = new ProcessStartInfo(office)
            {
                ArgumentList = { $"-env:UserInstallation=file://{dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir, file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
            var pdf = Path.Combine(dir, "report.pdf");
            Assert.True(File.Exists(pdf), $"no PDF; LibreOffice said: {output}");
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
