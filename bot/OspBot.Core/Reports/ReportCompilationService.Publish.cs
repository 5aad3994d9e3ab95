namespace OspBot.Reports;

internal sealed partial class ReportCompilationService
{
    /// Uploads a succeeded compilation's .docx through the configured publisher, if any. A failed upload never fails
    /// the compilation: the requester still gets the download link, plus the reason (the publisher has logged it).
    public async Task<ReportPublication> PublishAsync(ReportCompilation compilation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (publisher is null || compilation is not { State: CompilationState.Succeeded, Docx: { } docx, FileName: { } fileName })
        {
            return ReportPublication.None;
        }

        try
        {
            return new ReportPublication(await publisher.PublishAsync(fileName, docx, ct), null);
        }
        catch (ReportPublishException ex)
        {
            return new ReportPublication(null, ex.Message);
        }
    }
}
