using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Reports;

public enum PartState
{
    /// Drafted and sent; nobody has changed or approved it yet.
    Waiting,
    /// Someone saved changes; not approved (again) since.
    Edited,
    Approved,
}

/// A year's sign-off: when the secretariat started it, and the "final" mark after which nothing more is approved
/// or edited (the report has gone to Council).
internal sealed class SignOffYear
{
    /// The calendar year the financial year starts in: 2024 for 2024/25.
    public int FinancialYear { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public required string StartedByName { get; set; }

    /// When the parts are due back; chasers are only sent before it.
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? FinalAt { get; set; }

    public string? FinalByName { get; set; }
}

/// One sub-group's part of a year's annual report, sent to the person who approves it. Its text lives in
/// <see cref="Versions"/>: number 1 is the draft, each save adds one, none is ever changed or removed.
internal sealed class ReportPart
{
    public int Id { get; set; }

    public int FinancialYear { get; set; }

    public int GroupId { get; set; }

    public Group? Group { get; set; }

    /// The chair, or the lead when the sub-group's sign-off setting names the lead.
    public int ApproverPersonId { get; set; }

    public PartState State { get; set; }

    /// The latest version's number; a save names the number it started from, so a second editor cannot overwrite.
    public int CurrentVersion { get; set; }

    public int? ApprovedVersion { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// The submitted version of each quarter's update the approved text was drafted from ("1:2;2:1"), so a later
    /// edit to an update is noticed and flagged.
    public string? ApprovedBasis { get; set; }

    public string? LastQuestion { get; set; }

    public string? LastQuestionByName { get; set; }

    public List<ReportPartVersion> Versions { get; set; } = [];
}

/// A part's text as saved once: the draft, or an edit, with who and when.
internal sealed class ReportPartVersion
{
    public int Id { get; set; }

    public int ReportPartId { get; set; }

    public int Number { get; set; }

    /// Each section's text as the editor left it (PartSections: one line a paragraph, "- " a bullet).
    public string Summary { get; set; } = "";

    public string Delivery { get; set; } = "";

    public string Challenges { get; set; } = "";

    public string Requests { get; set; } = "";

    public string Priorities { get; set; } = "";

    /// The quarters' submitted versions the draft was made from; edits carry their predecessor's.
    public string Basis { get; set; } = "";

    public int? SavedByPersonId { get; set; }

    public required string SavedByName { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}

/// A sign-off delivery names its part by an indexed id, not a foreign key: adding a foreign key to the existing
/// Deliveries table makes SQLite rebuild the whole table at start-up (EF Core warns of it), and nothing needs one: a
/// part is only ever removed with its sub-group, and a delivery whose part is gone is recorded unreachable when it
/// is rendered (PartDeliveryRenderer).
internal sealed class PartDeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder) => builder.HasIndex(d => d.ReportPartId);
}

internal sealed class SignOffConfiguration :
    IEntityTypeConfiguration<SignOffYear>, IEntityTypeConfiguration<ReportPart>, IEntityTypeConfiguration<ReportPartVersion>
{
    public void Configure(EntityTypeBuilder<SignOffYear> builder)
    {
        builder.HasKey(y => y.FinancialYear);
        builder.Property(y => y.FinancialYear).ValueGeneratedNever();
        builder.Property(y => y.StartedByName).HasMaxLength(200);
        builder.Property(y => y.FinalByName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<ReportPart> builder)
    {
        builder.HasIndex(p => new { p.FinancialYear, p.GroupId }).IsUnique();
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.CurrentVersion).IsConcurrencyToken();
        builder.Property(p => p.ApprovedByName).HasMaxLength(200);
        builder.Property(p => p.ApprovedBasis).HasMaxLength(200);
        builder.Property(p => p.LastQuestion).HasMaxLength(2000);
        builder.Property(p => p.LastQuestionByName).HasMaxLength(200);
        builder.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ApproverPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ReportPartId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportPartVersion> builder)
    {
        builder.HasIndex(v => new { v.ReportPartId, v.Number }).IsUnique();
        builder.Property(v => v.Basis).HasMaxLength(200);
        builder.Property(v => v.SavedByName).HasMaxLength(200);
    }
}
