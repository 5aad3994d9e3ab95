using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Rounds;

/// One saved state of an update, never changed after it is written: the history of who said what, when.
internal sealed class UpdateVersion
{
    public int Id { get; set; }

    public int SubGroupUpdateId { get; set; }

    public int Number { get; set; }

    public VersionKind Kind { get; set; }

    public string? Achievements { get; set; }

    public string? Plans { get; set; }

    public string? Challenges { get; set; }

    public string? Requests { get; set; }

    public Rag? Rag { get; set; }

    public string? RagReason { get; set; }

    public int SavedByPersonId { get; set; }

    public Person? SavedBy { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// Saved on the web form an e-mail linked to, not in Teams ("via e-mail" on the status card).
    public bool ViaEmail { get; set; }

    public List<PlanReview> PlanReviews { get; set; } = [];
}

/// The lead's verdict on one plan carried forward from the previous quarter.
internal sealed class PlanReview
{
    public int Id { get; set; }

    public int UpdateVersionId { get; set; }

    /// 0-based place of the item in the carry-forward list.
    public int Position { get; set; }

    public required string ItemText { get; set; }

    public PlanStatus? Status { get; set; }

    public string? Note { get; set; }
}

internal sealed class UpdateVersionConfiguration : IEntityTypeConfiguration<UpdateVersion>
{
    public void Configure(EntityTypeBuilder<UpdateVersion> builder)
    {
        builder.HasIndex(v => new { v.SubGroupUpdateId, v.Number }).IsUnique();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Rag).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.Achievements).HasMaxLength(UpdateRules.MaxSectionLength);
        builder.Property(v => v.Plans).HasMaxLength(UpdateRules.MaxSectionLength);
        builder.Property(v => v.Challenges).HasMaxLength(UpdateRules.MaxSectionLength);
        builder.Property(v => v.Requests).HasMaxLength(UpdateRules.MaxSectionLength);
        builder.Property(v => v.RagReason).HasMaxLength(UpdateRules.MaxRagReasonLength);
        builder.HasOne<SubGroupUpdate>().WithMany(u => u.Versions).HasForeignKey(v => v.SubGroupUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.SavedBy).WithMany().HasForeignKey(v => v.SavedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.PlanReviews).WithOne().HasForeignKey(p => p.UpdateVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.HasIndex(p => new { p.UpdateVersionId, p.Position }).IsUnique();
        builder.Property(p => p.ItemText).HasMaxLength(UpdateRules.MaxSectionLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Note).HasMaxLength(UpdateRules.MaxNoteLength);
    }
}
