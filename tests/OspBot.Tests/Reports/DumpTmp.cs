using OspBot.Reports;
namespace OspBot.Tests.Reports;
public sealed class DumpTmp
{
    [Fact]
    public void Dump()
    {
        var model = AnnualReportCompiler.Compile(ReportInputs.FullYear());
        File.WriteAllText("/tmp/report.md", MarkdownReportWriter.Write(model));
        using var f = File.Create("/tmp/report.docx");
        DocxReportWriter.Write(model, f);
    }
}
