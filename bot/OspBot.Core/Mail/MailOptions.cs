using System.ComponentModel.DataAnnotations;

namespace OspBot.Mail;

/// <summary>
/// E-mail to people OspBot cannot reach in Teams (configuration section "Mail"). With Graph configured it sends
/// through the organiser mailbox (Graph:OrganiserMailbox, sendMail); otherwise through SMTP when Mail:Smtp:Host is
/// set; otherwise every message is written as an .eml file to <see cref="PickupFolder"/> and logged.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Where .eml files go when neither Graph nor SMTP is configured (relative to the working directory).</summary>
    public string PickupFolder { get; set; } = Path.Combine("data", "mail");

    /// <summary>The sender's display name: the council's, so partners recognise it.</summary>
    [Required]
    public string SenderName { get; set; } = "Oxford Strategic Partnership (Oxford City Council)";

    /// <summary>From address for SMTP and the pickup folder; Graph always sends from Graph:OrganiserMailbox.</summary>
    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "osp@oxford.gov.uk";

    /// <summary>
    /// The council tenant's e-mail domains. People whose address is in one are reached in Teams by default; anyone
    /// else (partners) in Teams with e-mail as the fallback. Empty: everyone gets the fallback.
    /// </summary>
    public string[] TenantDomains { get; set; } = ["oxford.gov.uk"];

    /// <summary>Who a partner contacts about the message (named in every e-mail).</summary>
    [Required]
    public string Contact { get; set; } = "the OSP secretariat (Policy & Partnerships Team, Oxford City Council)";

    /// <summary>
    /// Before the update form opens, send a one-time code to the person's address and ask for it (for councils that want
    /// a second factor beyond the link). Off by default: the signed link alone opens the form.
    /// </summary>
    public bool RequireCode { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>An SMTP relay (MailKit), for councils that relay mail that way. Unset Host: not used.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on 587 (or TLS on connect on 465); off only for a relay on the same host.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    /// <summary>A secret: user-secrets or Mail__Smtp__Password, never appsettings.</summary>
    public string? Password { get; set; }
}
