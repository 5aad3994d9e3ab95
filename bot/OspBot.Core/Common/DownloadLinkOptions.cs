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
    /// Where the data-protection key ring that signs download links is kept, so links survive restarts. Unset: a
    /// "keys" folder beside the SQLite database (or data/keys under the content root on PostgreSQL). Several
    /// instances must share it.
    /// </summary>
    public string? KeyRingFolder { get; set; }
}
