using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Reports.Settings;

/// One saved version of a year's report settings: the whole profile as it then stood, who saved it, when, and
/// which fields they changed. Every version is kept; the highest number is the year's current settings.
internal sealed class ReportSettingsVersion
{
    public int Id { get; set; }

    /// The calendar year the financial year starts in: 2024 for 2024/25.
    public int FinancialYear { get; set; }

    /// Per year, from 1.
    public int Version { get; set; }

    /// The report profile (the same JSON as the seed file).
    public required string ProfileJson { get; set; }

    public int? ChangedByPersonId { get; set; }

    public required string ChangedByName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// The labels of the fields this version changed, one a line.
    public required string ChangedFields { get; set; }
}

internal sealed class ReportSettingsVersionConfiguration : IEntityTypeConfiguration<ReportSettingsVersion>
{
    public void Configure(EntityTypeBuilder<ReportSettingsVersion> builder)
    {
        builder.ToTable("ReportSettingsVersions");
        // Two people saving at once cannot both write version n + 1: the second is told and keeps what they typed.
        builder.HasIndex(v => new { v.FinancialYear, v.Version }).IsUnique();
        builder.Property(v => v.ChangedByName).HasMaxLength(200);
        builder.Property(v => v.ChangedFields).HasMaxLength(4000);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ChangedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
