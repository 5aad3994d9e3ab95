namespace OspBot.Outbox;

/// A claimed delivery, with what the dispatcher needs to send it. Deliveries to people not linked to Teams, or
/// without a reachable personal chat with OspBot, are recorded unreachable at claim time and never handed out.
public sealed record DeliveryWork
{
    public required int DeliveryId { get; init; }

    public required DeliveryKind Kind { get; init; }

    /// Null for a meeting reminder.
    public required int? RoundId { get; init; }

    /// Set for a meeting reminder.
    public int? MeetingId { get; init; }

    public int? UpdateId { get; init; }

    /// Set for the annual report's sign-off deliveries.
    public int? ReportPartId { get; init; }

    public required int PersonId { get; init; }

    public required string PersonName { get; init; }

    public string? EntraObjectId { get; init; }

    public required string IdempotencyKey { get; init; }

    /// Teams, or e-mail (chosen at claim time from the person's channel: ClaimedChannels).
    public DeliveryChannel Channel { get; init; }

    /// The person's personal chat with OspBot (from the conversation store), where a Teams message goes; empty for e-mail.
    public string ConversationId { get; init; } = "";

    public string ServiceUrl { get; init; } = "";

    /// Where an e-mail goes (the directory's address); null for Teams.
    public string? Email { get; init; }

    /// The person's Teams user id in that chat (the card's mention), found with the chat at claim time.
    public string? UserId { get; init; }

    /// 1 on the first try.
    public required int Attempt { get; init; }
}
