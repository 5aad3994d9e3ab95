using System.Diagnostics;
using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class LibreOfficeTests
{
    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

    [Fact]
    public async Task LibreOffice_opens_the_report_and_converts_it_to_pdf()
    {
        var ct = TestContext.Current.CancellationToken;
        var office = Find("soffice") ?? Find("libreoffice");
        if (office is null)
        {
            Assert.Skip("Neither soffice nor libreoffice is on PATH (apt package libreoffice-writer-nogui or libreoffice-writer).");
        }
        var dir = Directory.CreateTempSubdirectory("ospbot-report-").FullName;
        var docx = Path.Combine(dir, "annual-report.docx");
        await using (var file = File.Create(docx))
        {
            DocxReportWriter.Write(AnnualReportCompiler.Compile(ReportInputs.FullYear()), file);
        }

        // A private profile directory so a concurrent LibreOffice (another test run, a desktop session) cannot block this one.
        var start = new ProcessStartInfo(office)
        {
            ArgumentList = { $"-env:UserInstallation=file://{dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir, docx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);

        var pdf = Path.Combine(dir, "annual-report.pdf");
        Assert.True(File.Exists(pdf), $"no PDF; LibreOffice said: {output}");
        var bytes = await File.ReadAllBytesAsync(pdf, ct);
        Assert.True(bytes.Length > 10_000, $"PDF is only {bytes.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Directory.Delete(dir, recursive: true);
    }
}
