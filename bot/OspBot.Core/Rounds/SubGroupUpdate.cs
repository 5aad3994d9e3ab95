using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Rounds;

/// One sub-group's update in one round: its state, and a pointer into its immutable versions.
internal sealed class SubGroupUpdate
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public UpdateRound? Round { get; set; }

    public int GroupId { get; set; }

    public Group? Group { get; set; }

    public UpdateStatus Status { get; set; }

    /// Its first counting submission came after the deadline.
    public bool IsLate { get; set; }

    /// Number of the newest version (0 before the first save).
    public int CurrentVersion { get; set; }

    /// Number of the version that counts as the sub-group's submission; null until one does.
    public int? SubmittedVersion { get; set; }

    /// Bumped by every change; cards carry it as their version token, and EF checks it on write, so two
    /// concurrent writers (a double click on two instances) cannot both win.
    public int Revision { get; set; }

    public DateTimeOffset? LastEditedAt { get; set; }

    public int? LastEditedByPersonId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public int? SubmittedByPersonId { get; set; }

    public int? ApprovedByPersonId { get; set; }

    /// The secretariat let a submitted update be edited after the deadline; cleared by the next submission.
    public bool IsReopened { get; set; }

    public int? ReopenedByPersonId { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }

    public List<UpdateVersion> Versions { get; set; } = [];

    public List<ReminderSnooze> Snoozes { get; set; } = [];
}

/// "Remind me tomorrow": no chaser to this person for this update before RemindAt.
internal sealed class ReminderSnooze
{
    public int Id { get; set; }

    public int SubGroupUpdateId { get; set; }

    public int PersonId { get; set; }

    public DateTimeOffset RemindAt { get; set; }
}

internal sealed class SubGroupUpdateConfiguration : IEntityTypeConfiguration<SubGroupUpdate>
{
    public void Configure(EntityTypeBuilder<SubGroupUpdate> builder)
    {
        builder.HasIndex(u => new { u.RoundId, u.GroupId }).IsUnique();
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Revision).IsConcurrencyToken();
        builder.HasOne(u => u.Round).WithMany(r => r.Updates).HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Group).WithMany().HasForeignKey(u => u.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Snoozes).WithOne().HasForeignKey(s => s.SubGroupUpdateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderSnoozeConfiguration : IEntityTypeConfiguration<ReminderSnooze>
{
    public void Configure(EntityTypeBuilder<ReminderSnooze> builder)
    {
        builder.HasIndex(s => new { s.SubGroupUpdateId, s.PersonId }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
