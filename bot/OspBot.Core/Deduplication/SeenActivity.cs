using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OspBot.Deduplication;

/// An inbound activity some instance has taken, so that a re-delivery to another instance sharing the database
/// runs nowhere else. Only PostgreSQL uses the table (one instance on SQLite remembers ids in memory); rows live
/// for minutes (PostgresActivityIdStore.Retention).
internal sealed class SeenActivity
{
    /// ActivityKey.Of(channel, conversation, activity id): fixed width, and the same in every instance.
    public Guid Key { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// The invoke answer the first run gave (status and JSON body), for a repeat that asks again.
    public int? AnswerStatus { get; set; }

    public string? AnswerBody { get; set; }
}

internal sealed class SeenActivityConfiguration : IEntityTypeConfiguration<SeenActivity>
{
    public void Configure(EntityTypeBuilder<SeenActivity> builder)
    {
        builder.HasKey(a => a.Key);
        // Pruning deletes by age.
        builder.HasIndex(a => a.StartedAt);
    }
}
