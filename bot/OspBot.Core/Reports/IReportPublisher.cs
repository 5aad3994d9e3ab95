namespace OspBot.Reports;

/// Where a compiled report is published besides the bot's own download link (SharePoint or OneDrive over Graph).
/// Registered only when configured: no publisher means no upload and no "Open in SharePoint" button.
internal interface IReportPublisher
{
    /// Uploads <paramref name="docx"/> as <paramref name="fileName"/>, replacing a file of that name; returns its web
    /// address. Throws <see cref="ReportPublishException"/> with a reason in plain words when the upload fails.
    Task<Uri?> PublishAsync(string fileName, byte[] docx, CancellationToken ct);
}

/// The upload failed; Message says why for the secretariat (the permission, the setting, or "try again later").
internal sealed class ReportPublishException(string message, Exception? inner = null) : Exception(message, inner);

/// What became of publishing one compilation: the file's address, or why the upload failed; both null when no
/// publisher is configured. Kept in memory for the result card of that run only (the database has no field for it).
internal sealed record ReportPublication(Uri? Url, string? Failure)
{
    public static readonly ReportPublication None = new(null, null);
}
