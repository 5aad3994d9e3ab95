using System.ComponentModel.DataAnnotations;

namespace OspBot.Reports;

/// <summary>Annual report compilation (configuration section "Reports").</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string Section = "Reports";

    /// <summary>
    /// The report profile (JSON) the secretariat edits; "{year}" is replaced by the year as "2024-25", so one file per
    /// year can sit side by side. Unset: the sample profile shipped in OspBot.Core.
    /// </summary>
    public string? ProfileFile { get; set; }

    /// <summary>
    /// Id of the drive (a SharePoint document library or a OneDrive) each compiled .docx is also uploaded to, e.g.
    /// from GET /sites/{site-id}/drives. Unset: no upload, the result card has only the download link. Needs Graph
    /// (Graph:ClientId) and write access to that drive (see Graph/GRAPH-PERMISSIONS.md).
    /// </summary>
    public string? SharePointDriveId { get; set; }

    /// <summary>
    /// Folder inside that drive, from its root, e.g. "OSP/Annual reports"; created by Graph if missing. Unset: the
    /// drive's root. Requires <see cref="SharePointDriveId"/>.
    /// </summary>
    public string? SharePointFolder { get; set; }

    /// <summary>
    /// Days the sub-groups have to sign off their parts once the secretariat starts the annual report; chasers stop
    /// once they are up. Default 14.
    /// </summary>
    [Range(1, 90)]
    public int SignOffDays { get; set; } = 14;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SharePointFolder) && string.IsNullOrWhiteSpace(SharePointDriveId))
        {
            yield return new ValidationResult(
                "Reports:SharePointFolder is set but Reports:SharePointDriveId is not: set the drive id of the document library " +
                "(GET /sites/{site-id}/drives) or remove the folder.", [nameof(SharePointDriveId)]);
        }
    }
}
