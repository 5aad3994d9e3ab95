using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Outbox;

namespace OspBot.Mail;

/// Without Graph or SMTP (the local default): each e-mail is written as an .eml file to Mail:PickupFolder and logged,
/// so the playground shows what would have gone. Written under a temporary name and then renamed, so a reader never
/// sees half a file and a crash leaves no partial one.
internal sealed class PickupFolderTransport(IOptions<MailOptions> options, TimeProvider clock, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public async Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(beforeSend);
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        var now = clock.GetUtcNow();
        var message = MimeMail.Build(mail, options.Value, now);
        var name = $"{now:yyyyMMdd-HHmmss}-{Safe(mail.Reference ?? message.MessageId ?? "mail")}.eml";
        if (!await beforeSend(ct))
        {
            return new SendOutcome.Withdrawn();
        }
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, name + ".part");
            await using (var file = File.Create(temporary))
            {
                await MimeMail.WriteAsync(message, file, CancellationToken.None);
            }
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
        }
        catch (IOException e)
        {
            // Nothing was written under the final name: certainly not "sent", so it is tried again.
            return new SendOutcome.Failed($"Could not write the e-mail to {folder}: {e.Message}", TimeSpan.FromMinutes(1));
        }
        catch (UnauthorizedAccessException e)
        {
            return new SendOutcome.Failed($"Could not write the e-mail to {folder}: {e.Message}", TimeSpan.FromMinutes(1));
        }
        logger.MailWritten(mail.ToAddress, mail.Subject, Path.Combine(folder, name));
        return new SendOutcome.Sent("eml:" + name);
    }

    private static string Safe(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80)]);
}
