using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using OspBot.Graph;

namespace OspBot.Reports;

/// Uploads the report to Reports:SharePointDriveId under Reports:SharePointFolder with Graph's simple upload
/// (PUT /drives/{drive}/root:/{folder}/{file}:/content). The file name carries the version, so replacing a file of
/// the same name only happens when the same version is uploaded again (a re-run after a crash).
internal sealed class GraphReportPublisher(
    GraphServiceClient graph, IOptions<ReportOptions> options, ILogger<GraphReportPublisher> logger) : IReportPublisher
{
    /// Graph's limit for a simple upload; an annual report is a few hundred kilobytes.
    internal const int SimpleUploadLimit = 4 * 1024 * 1024;

    public async Task<Uri?> PublishAsync(string fileName, byte[] docx, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(docx);
        var drive = options.Value.SharePointDriveId!;
        if (docx.Length > SimpleUploadLimit)
        {
            throw new ReportPublishException($"the document is {docx.Length / 1024 / 1024} MB, more than the 4 MB a simple upload takes.");
        }

        var path = ItemPath(options.Value.SharePointFolder, fileName);
        try
        {
            using var body = new MemoryStream(docx, writable: false);
            var item = await graph.Drives[drive].Root.ItemWithPath(path).Content.PutAsync(body, cancellationToken: ct);
            var url = item?.WebUrl is { } web && Uri.TryCreate(web, UriKind.Absolute, out var parsed) ? parsed : null;
            logger.ReportPublished(fileName, drive, path);
            return url;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not ReportPublishException)
        {
            var reason = Reason(ex, drive);
            logger.ReportPublishFailed(ex, fileName, drive, reason);
            throw new ReportPublishException(reason, ex);
        }
    }

    /// "OSP/Annual reports" + file → "OSP/Annual reports/file"; stray slashes and blanks are dropped.
    internal static string ItemPath(string? folder, string fileName) =>
        string.Join('/', (folder ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(fileName));

    private static string Reason(Exception error, string drive)
    {
        var (status, code, _) = GraphErrors.Describe(error);
        return status switch
        {
            401 => "Microsoft Graph did not accept OspBot's credentials (401); check the Graph settings and admin consent.",
            403 => "OspBot may not write to that SharePoint library (403): it needs the Sites.Selected permission with write " +
                "access to the site, or Files.ReadWrite.All, with admin consent.",
            404 => $"Microsoft Graph found no drive '{drive}' (404 {code}); check Reports:SharePointDriveId.",
            429 or >= 500 => $"SharePoint is unavailable or throttling OspBot ({status}), even after retries; compile again later to upload.",
            null => "SharePoint could not be reached (network error or timeout); compile again later to upload.",
            _ => $"Microsoft Graph rejected the upload ({status} {code}).",
        };
    }
}
