using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Meetings;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// A round's deliveries (prompts, chasers, reminders, digests) go with the round and its updates.
internal sealed class RoundDeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasOne<UpdateRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubGroupUpdate>().WithMany().HasForeignKey(d => d.SubGroupUpdateId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// A steering group meeting remembers the round it feeds; the link is dropped if the round goes.
internal sealed class MeetingRoundConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder) =>
        builder.HasOne<UpdateRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.SetNull);
}
