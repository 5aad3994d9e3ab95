using Microsoft.Extensions.Options;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Mail;

/// The outbox's e-mail channel: the person's channel (chosen, or automatic by their address's domain), the e-mail
/// written by MailComposer, and the configured transport (Graph, SMTP or the pickup folder).
internal sealed class MailChannel(MailComposer composer, IMailTransport transport, IOptions<MailOptions> options) : IMailChannel
{
    public ContactChannel Effective(ContactChannel? chosen, string? email) =>
        ContactChannels.Effective(chosen, email, options.Value.TenantDomains);

    public bool Writes(DeliveryKind kind) => MailComposer.Kinds.Contains(kind);

    public Task<OutgoingMail> ComposeAsync(DeliveryWork work, CancellationToken ct) => composer.ComposeAsync(work, ct);

    public Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct) => transport.SendAsync(mail, beforeSend, ct);
}
