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
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// The text part of a message read back (tests, the playground's log line).
    public static string? Text(MimeMessage message) => message?.GetTextBody(TextFormat.Plain);
}
