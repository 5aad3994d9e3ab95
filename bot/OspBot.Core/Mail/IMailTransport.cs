using MimeKit;
using MimeKit.Text;
using OspBot.Outbox;

namespace OspBot.Mail;

/// Hands one e-mail to the mail service: Graph sendMail, an SMTP relay or the pickup folder. Like the Teams notifier,
/// it asks beforeSend just before the message leaves and answers with an outcome rather than throwing.
internal interface IMailTransport
{
    Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct);
}

/// The MIME form of an e-mail (multipart/alternative: text first, then HTML; attachments after), for the pickup
/// folder and SMTP.
internal static class MimeMail
{
    /// From the council's name at the given address (Graph's organiser mailbox) or at Mail:FromAddress.
    public static MimeMessage Build(OutgoingMail mail, MailOptions options, DateTimeOffset date, string? fromAddress = null)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage { Subject = mail.Subject, Date = date };
        message.From.Add(new MailboxAddress(options.SenderName, fromAddress ?? options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        if (mail.Reference is { } reference)
        {
            message.Headers.Add("X-OspBot-Delivery", reference);
        }
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in mail.Attachments)
        {
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            // Base64 carries the bytes as written: a text attachment in quoted-printable or 7bit takes the line
            // endings of whoever writes or reads the message, and an .ics must keep its CRLFs (RFC 5545 3.1).
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// Writes the message as it goes on the wire: CRLF line endings (RFC 5322) on every platform, where MimeKit's
    /// default follows the operating system's. A pickup folder's .eml and Graph's MIME body are read as mail.
    public static Task WriteAsync(MimeMessage message, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.WriteToAsync(WireFormat, destination, ct);
    }

    private static readonly FormatOptions WireFormat = CreateWireFormat();

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    /// The text part of a message read back (tests, the playground's log line).
    public static string? Text(MimeMessage message) => message?.GetTextBody(TextFormat.Plain);
}
