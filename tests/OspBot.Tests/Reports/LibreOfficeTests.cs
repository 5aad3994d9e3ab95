using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class LibreOfficeTests
{
    [Fact]
    public async Task LibreOffice_opens_the_report_and_converts_it_to_pdf()
    {
        var ct = TestContext.Current.CancellationToken;
        using var docx = new MemoryStream();
        DocxReportWriter.Write(AnnualReportCompiler.Compile(ReportInputs.FullYear()), docx);

        var bytes = await LibreOffice.ToPdfAsync(docx.ToArray(), ct);
        Assert.True(bytes.Length > 10_000, $"PDF is only {bytes.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }
}
