using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using OspBot.Outbox;

namespace OspBot.Mail;

/// Sends through an SMTP relay with MailKit (Mail:Smtp:*). A failure before the message's data went out (connect,
/// authenticate, a 4xx to the envelope) certainly sent nothing and is tried again; a 5xx refusal is final; a
/// connection lost after the data went out may have delivered it.
internal sealed class SmtpTransport(IOptions<MailOptions> options, TimeProvider clock) : IMailTransport
{
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(2);

    public async Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(beforeSend);
        var smtp = options.Value.Smtp;
        var message = MimeMail.Build(mail, options.Value, clock.GetUtcNow());
        using var client = new SmtpClient();
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or AuthenticationException or SmtpCommandException or SmtpProtocolException)
        {
            return new SendOutcome.Failed($"The SMTP relay {smtp.Host}:{smtp.Port} could not be used: {e.Message}", Retry);
        }
        if (!await beforeSend(ct))
        {
            return new SendOutcome.Withdrawn();
        }
        try
        {
            var answer = await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, CancellationToken.None);
            return new SendOutcome.Sent("smtp:" + answer);
        }
        catch (SmtpCommandException e) when (e.ErrorCode != SmtpErrorCode.MessageNotAccepted && (int)e.StatusCode < 500)
        {
            return new SendOutcome.Failed($"The SMTP relay deferred the e-mail ({(int)e.StatusCode}): {e.Message}", Retry);
        }
        catch (SmtpCommandException e)
        {
            return new SendOutcome.Unreachable((DeliveryReasons.EmailRefused + $"the SMTP relay refused it ({(int)e.StatusCode}): {e.Message}"));
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return new SendOutcome.Ambiguous($"The connection to the SMTP relay was lost while sending: {e.Message}");
        }
    }
}
