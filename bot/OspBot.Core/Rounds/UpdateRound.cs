using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Rounds;

/// One quarterly collection of sub-group updates, feeding one steering group meeting.
internal sealed class UpdateRound
{
    public int Id { get; set; }

    /// The calendar year in which the financial year starts: 2025 for 2025/26.
    public int FinancialYearStart { get; set; }

    /// 1-4; Q1 is April-June.
    public int Quarter { get; set; }

    public DateOnly MeetingDate { get; set; }

    public DateTimeOffset PromptAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public List<DateTimeOffset> ChaserAts { get; set; } = [];

    public RoundState State { get; set; }

    /// Null when the scheduler opened it.
    public int? OpenedByPersonId { get; set; }

    public Person? OpenedBy { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public int? ClosedByPersonId { get; set; }

    public Person? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<SubGroupUpdate> Updates { get; set; } = [];
}

internal sealed class UpdateRoundConfiguration : IEntityTypeConfiguration<UpdateRound>
{
    public void Configure(EntityTypeBuilder<UpdateRound> builder)
    {
        // One round per quarter that is not closed; the filter is the same SQL on SQLite and PostgreSQL.
        builder.HasIndex(r => new { r.FinancialYearStart, r.Quarter }).IsUnique().HasFilter("\"State\" <> 'Closed'");
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ChaserAts)
            .HasConversion(
                v => string.Join(';', v.Select(d => d.UtcTicks)),
                s => s.Length == 0 ? new List<DateTimeOffset>() : s.Split(';', StringSplitOptions.None)
                    .Select(t => new DateTimeOffset(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero)).ToList(),
                new ValueComparer<List<DateTimeOffset>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToList()))
            .HasMaxLength(256);
        builder.HasOne(r => r.OpenedBy).WithMany().HasForeignKey(r => r.OpenedByPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.ClosedBy).WithMany().HasForeignKey(r => r.ClosedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
