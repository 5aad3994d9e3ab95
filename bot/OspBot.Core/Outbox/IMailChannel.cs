using OspBot.Members;

namespace OspBot.Outbox;

/// E-mail as the outbox's second channel (the Mail feature supplies it; without it every delivery goes by Teams).
/// The claim chooses the channel per delivery from the person's ContactChannel; the feature that owns the kind still
/// decides whether it goes at all (IOutboxRenderer), and the mail channel writes it as an e-mail and sends it, marked
/// Sending just before the request like a Teams send, so a crash never leads to a second copy.
internal interface IMailChannel
{
    /// The person's channel, their choice or the automatic one (by the address's domain).
    ContactChannel Effective(ContactChannel? chosen, string? email);

    /// Kinds it can write as an e-mail; the others (the secretariat's digest) stay in Teams.
    bool Writes(DeliveryKind kind);

    Task<OutgoingMail> ComposeAsync(DeliveryWork work, CancellationToken ct);

    /// Like ITeamsNotifier.SendCardAsync: asks beforeSend just before the message leaves, never throws for an
    /// answer the mail service gave, and says whether it certainly went, certainly did not, or may have.
    Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct);
}

/// One e-mail: plain accessible HTML with a text alternative, and any attachments (a meeting's .ics).
public sealed record OutgoingMail(string ToName, string ToAddress, string Subject, string Html, string Text)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// The outbox's idempotency key, carried as a header so a mailbox can tell copies apart.
    public string? Reference { get; init; }
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
