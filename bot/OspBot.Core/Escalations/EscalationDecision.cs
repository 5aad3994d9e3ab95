using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Meetings;
using OspBot.Members;

namespace OspBot.Escalations;

public enum EscalationKind
{
    /// The same challenge or block reported in consecutive quarters.
    Challenge,
    /// Amber or red two quarters running.
    Rag,
}

public enum EscalationDecisionKind
{
    OnAgenda,
    Dismissed,
}

/// What the secretariat decided about one flag: put on the steering group's agenda, or dismissed with a note. Flags
/// themselves are worked out from the submitted updates each time; a flag is the same flag while its run of quarters
/// is (FlagKey), so a challenge reported again next quarter is flagged again.
internal sealed class EscalationDecision
{
    public int Id { get; set; }

    public required string FlagKey { get; set; }

    public int GroupId { get; set; }

    public EscalationKind Kind { get; set; }

    public EscalationDecisionKind Decision { get; set; }

    public string? Note { get; set; }

    public int? AgendaMeetingId { get; set; }

    public int? DecidedByPersonId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}

internal sealed class EscalationDecisionConfiguration : IEntityTypeConfiguration<EscalationDecision>
{
    public void Configure(EntityTypeBuilder<EscalationDecision> builder)
    {
        builder.ToTable("EscalationDecisions");
        builder.HasIndex(d => d.FlagKey).IsUnique();
        builder.Property(d => d.FlagKey).HasMaxLength(64);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(EscalationFinder.MaxNote);
        builder.HasOne<Group>().WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.DecidedByPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.AgendaMeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}
