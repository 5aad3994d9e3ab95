using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

/// One request to build a round's meeting pack, run as a persisted job like the annual report's compilations: who
/// asked, where their progress card is, how far it got, and the pack it made (or why it failed).
internal sealed class MeetingPackBuild
{
    public int Id { get; set; }

    /// The round whose steering group meeting the pack is for; one build per round in flight at a time.
    public int RoundId { get; set; }

    /// Null when the deadline's job asked.
    public int? RequestedByPersonId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// Where the requester's progress card lives, so the job can update it; null when asked outside Teams.
    public string? ServiceUrl { get; set; }

    public string? ConversationId { get; set; }

    public string? ProgressActivityId { get; set; }

    public CompilationState State { get; set; }

    public string? Stage { get; set; }

    /// The pack version it built, once it succeeded.
    public int? PackId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    /// Set once the result card went out, so a re-run after a crash does not deliver it twice.
    public DateTimeOffset? ResultSentAt { get; set; }
}

internal sealed class MeetingPackBuildConfiguration : IEntityTypeConfiguration<MeetingPackBuild>
{
    public void Configure(EntityTypeBuilder<MeetingPackBuild> builder)
    {
        builder.ToTable("MeetingPackBuilds");
        // A double click or two instances give one build: at most one in flight per round, the same SQL on both providers.
        builder.HasIndex(b => b.RoundId).IsUnique().HasFilter("\"State\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_MeetingPackBuilds_RoundId_InFlight");
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.ServiceUrl).HasMaxLength(512);
        builder.Property(b => b.ConversationId).HasMaxLength(512);
        builder.Property(b => b.ProgressActivityId).HasMaxLength(256);
        builder.Property(b => b.Stage).HasMaxLength(300);
        builder.Property(b => b.Error).HasMaxLength(2000);
        builder.HasOne<UpdateRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.RequestedByPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<MeetingPackVersion>().WithMany().HasForeignKey(b => b.PackId).OnDelete(DeleteBehavior.SetNull);
    }
}
