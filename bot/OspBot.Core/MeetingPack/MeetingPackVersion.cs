using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Meetings;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

/// One built steering group meeting pack. Every version is kept, like the annual report's compilations: the papers
/// the members read before a meeting can always be shown again as they were.
internal sealed class MeetingPackVersion
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// The steering group meeting the round feeds; null when none was scheduled when the pack was built.
    public int? MeetingId { get; set; }

    /// Per round, 1 for the first pack.
    public int Version { get; set; }

    /// Null when the deadline's job built it rather than a person.
    public int? BuiltByPersonId { get; set; }

    public DateTimeOffset BuiltAt { get; set; }

    public required string FileName { get; set; }

    public required byte[] Docx { get; set; }

    /// With Graph: the copy uploaded next to the annual reports (Reports:SharePointDriveId and folder).
    public string? SharePointUrl { get; set; }

    /// Why the upload failed, in words for the secretariat; the pack itself is kept and downloadable.
    public string? PublishError { get; set; }

    /// Why the SharePoint link could not be put into the meeting's calendar event; the pack is kept all the same.
    public string? CalendarError { get; set; }
}

internal sealed class MeetingPackVersionConfiguration : IEntityTypeConfiguration<MeetingPackVersion>
{
    public void Configure(EntityTypeBuilder<MeetingPackVersion> builder)
    {
        builder.ToTable("MeetingPacks");
        // Two builds at once cannot both be version n.
        builder.HasIndex(p => new { p.RoundId, p.Version }).IsUnique();
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.SharePointUrl).HasMaxLength(2048);
        builder.Property(p => p.PublishError).HasMaxLength(1000);
        builder.Property(p => p.CalendarError).HasMaxLength(1000);
        builder.HasOne<UpdateRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<OspBot.Members.Person>().WithMany().HasForeignKey(p => p.BuiltByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
