using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Reports;

public enum CompilationState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// One request to compile a year's annual report, and its result. Every version is kept: who asked, when, what came out.
internal sealed class ReportCompilation
{
    public int Id { get; set; }

    /// The calendar year the financial year starts in: 2024 for 2024/25.
    public int FinancialYear { get; set; }

    /// Set for a sub-group's own annual report (with its name as it was asked for); null for the council report. No
    /// foreign key: one added to this existing table would make SQLite rebuild it at start-up, and a report's
    /// versions outlive a renamed or removed sub-group.
    public int? GroupId { get; set; }

    public string? GroupName { get; set; }

    public int RequestedByPersonId { get; set; }

    public required string RequestedByName { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// Where the requester's progress card lives, so the job can update it; null when asked outside Teams.
    public string? ServiceUrl { get; set; }

    public string? ConversationId { get; set; }

    public string? ProgressActivityId { get; set; }

    public CompilationState State { get; set; }

    public string? Stage { get; set; }

    /// "Economic Development: Q3" lines, one per missing update; null when none was missing.
    public string? Missing { get; set; }

    /// The sub-groups whose part was not approved when compiled, one a line; null when all were (or no sign-off).
    public string? NotApproved { get; set; }

    public byte[]? Docx { get; set; }

    public string? Markdown { get; set; }

    public string? FileName { get; set; }

    /// Per year, 1 for the first version that succeeded.
    public int? Version { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    /// Set once the result card went out, so a re-run after a crash does not deliver it twice.
    public DateTimeOffset? ResultSentAt { get; set; }
}

internal sealed class ReportCompilationConfiguration : IEntityTypeConfiguration<ReportCompilation>
{
    public void Configure(EntityTypeBuilder<ReportCompilation> builder)
    {
        // At most one compilation in flight per year, even across instances; the filter is the same SQL on both providers.
        // A sub-group's own report has its own one in flight per year: two filtered indexes, as NULLs are distinct in both.
        builder.HasIndex(c => c.FinancialYear).IsUnique().HasFilter("\"State\" IN ('Queued', 'Running') AND \"GroupId\" IS NULL")
            .HasDatabaseName("IX_ReportCompilations_FinancialYear_InFlight");
        builder.HasIndex(c => new { c.FinancialYear, c.GroupId }).IsUnique().HasFilter("\"State\" IN ('Queued', 'Running') AND \"GroupId\" IS NOT NULL")
            .HasDatabaseName("IX_ReportCompilations_FinancialYear_GroupId_InFlight");
        builder.HasIndex(c => new { c.FinancialYear, c.RequestedAt });
        builder.Property(c => c.GroupName).HasMaxLength(200);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RequestedByName).HasMaxLength(200);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ProgressActivityId).HasMaxLength(256);
        builder.Property(c => c.Stage).HasMaxLength(300);
        builder.Property(c => c.Missing).HasMaxLength(4000);
        builder.Property(c => c.NotApproved).HasMaxLength(4000);
        builder.Property(c => c.FileName).HasMaxLength(200);
        builder.Property(c => c.Error).HasMaxLength(2000);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.RequestedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
