using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Outbox;

/// One proactive message that must go out once: the row is written before the send, and its unique key is what
/// keeps a restart, a second instance or a repeated schedule from sending it twice. The feature that queues a kind
/// renders it (IOutboxRenderer) and owns the foreign keys of its own columns (RoundId, SubGroupUpdateId, MeetingId).
internal sealed class Delivery
{
    public int Id { get; set; }

    public DeliveryKind Kind { get; set; }

    /// The round a prompt, chaser, reminder or digest belongs to; null for a meeting reminder.
    public int? RoundId { get; set; }

    /// The meeting a meeting reminder is about; null for the rounds' deliveries.
    public int? MeetingId { get; set; }

    /// The update a prompt, chaser or reminder is about; null for a digest.
    public int? SubGroupUpdateId { get; set; }

    /// The sub-group's part of the annual report a sign-off card or chaser is about; null for the others.
    public int? ReportPartId { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// e.g. "prompt:{roundId}:{personId}".
    public required string IdempotencyKey { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    /// Set by the claim that took the row (DeliveryClaims.ClaimDueAsync): a batch is claimed in one statement, and
    /// this is how the claimer finds which rows it won.
    public Guid? ClaimToken { get; set; }

    public string? LastError { get; set; }

    public string? SentActivityId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// How it went (or is going) out: set with Sending, so the status card can say "sent by e-mail".
    public DeliveryChannel Channel { get; set; }

    /// A new delivery, due at dueAt; the caller sets the ids of what it is about.
    public static Delivery Pending(DeliveryKind kind, int personId, string idempotencyKey, DateTimeOffset dueAt) => new()
    {
        Kind = kind,
        PersonId = personId,
        IdempotencyKey = idempotencyKey,
        DueAt = dueAt,
        State = DeliveryState.Pending,
    };
}

public enum DeliveryKind
{
    Prompt,
    Chaser,
    Digest,
    Reminder,
    /// Before a meeting (Delivery.MeetingId), to each member of its group.
    MeetingReminder,
    /// A sub-group's drafted part of the annual report (Delivery.ReportPartId), to the person who approves it.
    PartForSignOff,
    /// The same part again, to its approver when it is still waiting and the secretariat chases it.
    PartChaser,
    /// A question about a part, from its chair or deputy, to each of the secretariat.
    PartQuestion,
    /// A meeting's invitation for a member Graph is not inviting (no calendar configured): by e-mail with the .ics
    /// attached; in Teams nothing goes (the secretariat sends the .ics from Outlook, as the scheduling card says).
    MeetingInvite,
    /// A cancelled meeting's cancellation with the .ics (METHOD:CANCEL), to each member whose invitation went by
    /// e-mail, so it leaves their calendar as it came. With Graph the Outlook event's cancellation tells them instead.
    MeetingCancelled,
    /// To a request's new owner (the request's id is in the idempotency key: RequestDeliveries).
    RequestOwner,
}

public enum DeliveryChannel
{
    Teams,
    Email,
}

public enum DeliveryState
{
    Pending,
    /// Taken by a dispatcher that has not started sending it yet; left over after a crash, it goes back to Pending
    /// when its claim lease ends (OutboxOptions.ClaimLease), because nothing left.
    Claimed,
    /// Its send has started (marked just before the request goes out); left over after a crash, it becomes
    /// Ambiguous when its lease ends (OutboxOptions.DeliveryLease), because it may have arrived.
    Sending,
    Sent,
    Unreachable,
    /// The send may or may not have reached Teams (a crash or timeout mid-send); not retried, so never sent twice.
    Ambiguous,
    /// No longer wanted (e.g. a chaser for an update submitted meanwhile).
    Cancelled,
    /// Not sent: the person's Outlook automatic replies were on (a chaser or meeting reminder); shown to the secretariat.
    OutOfOffice,
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasIndex(d => d.IdempotencyKey).IsUnique();
        builder.HasIndex(d => new { d.State, d.DueAt });
        builder.HasIndex(d => d.RoundId);
        builder.HasIndex(d => d.MeetingId);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(8).HasDefaultValue(DeliveryChannel.Teams).HasSentinel((DeliveryChannel)(-1));
        builder.Property(d => d.IdempotencyKey).HasMaxLength(128);
        builder.Property(d => d.LastError).HasMaxLength(512);
        builder.Property(d => d.SentActivityId).HasMaxLength(256);
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
