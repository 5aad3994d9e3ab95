using System.ComponentModel.DataAnnotations;

namespace OspBot.Common;

/// <summary>
/// Signed, expiring download links, for every feature that offers a download (the annual report, a meeting's .ics
/// invitation): where they point and how long they work (configuration section "DownloadLinks").
/// </summary>
public sealed class DownloadLinkOptions
{
    public const string Section = "DownloadLinks";

    /// <summary>Where download links point: the bot's public address.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:3978");

    /// <summary>How long a download link works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A folder for the data-protection key ring that signs download links, instead of the database. Unset (the
    /// default): the keys live in the database's DataProtectionKeys table, which every instance shares. Set it only
    /// to keep an existing folder's keys; several instances must then share the folder.
    /// </summary>
    public string? KeyRingFolder { get; set; }
}
