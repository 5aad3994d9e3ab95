using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Rounds;

/// One proactive message that must go out once: the row is written before the send, and its unique key is what
/// keeps a restart, a second instance or a repeated schedule from sending it twice.
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

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// e.g. "prompt:{roundId}:{personId}".
    public required string IdempotencyKey { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? LastError { get; set; }

    public string? SentActivityId { get; set; }

    public DateTimeOffset? SentAt { get; set; }
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
        builder.Property(d => d.IdempotencyKey).HasMaxLength(128);
        builder.Property(d => d.LastError).HasMaxLength(512);
        builder.Property(d => d.SentActivityId).HasMaxLength(256);
        builder.HasOne<UpdateRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubGroupUpdate>().WithMany().HasForeignKey(d => d.SubGroupUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
