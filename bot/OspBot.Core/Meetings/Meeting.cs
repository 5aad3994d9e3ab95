using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Meetings;

public enum MeetingState
{
    /// Saved, but the calendar event is not (yet) created: Graph was down or throttling when it was scheduled.
    /// It has no reminders until the event exists; retrying reuses TransactionId, so Graph never books it twice.
    PendingCalendar,

    /// In the calendar (or, without Graph, saved with an .ics to send by hand) and its reminders are queued.
    Scheduled,

    Cancelled,
}

/// A steering group or sub-group meeting OspBot booked. Times are instants; London is only for display.
internal sealed class Meeting
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public Group? Group { get; set; }

    public required string Title { get; set; }

    public string? Agenda { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// The mailbox whose calendar holds the event (Graph:OrganiserMailbox), or null without Graph.
    public string? Organiser { get; set; }

    public MeetingState State { get; set; }

    /// Sent to Graph with the create, so a retry after an outage returns the first event instead of a second one.
    public required string TransactionId { get; set; }

    public string? GraphEventId { get; set; }

    public string? JoinUrl { get; set; }

    public string? WebLink { get; set; }

    /// Why the calendar create has not completed (PendingCalendar), in words for the secretariat.
    public string? CalendarError { get; set; }

    /// Goes up with each move and cancellation: the .ics SEQUENCE, and part of the reminders' keys.
    public int Sequence { get; set; }

    /// The update round this steering group meeting feeds, once that round is open.
    public int? RoundId { get; set; }

    public int? CreatedByPersonId { get; set; }

    public Person? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public List<MeetingApology> Apologies { get; set; } = [];
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => m.TransactionId).IsUnique();
        builder.HasIndex(m => new { m.State, m.StartsAt });
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Title).HasMaxLength(255);
        builder.Property(m => m.Agenda).HasMaxLength(4000);
        builder.Property(m => m.Organiser).HasMaxLength(320);
        builder.Property(m => m.TransactionId).HasMaxLength(64);
        builder.Property(m => m.GraphEventId).HasMaxLength(512);
        builder.Property(m => m.JoinUrl).HasMaxLength(2048);
        builder.Property(m => m.WebLink).HasMaxLength(2048);
        builder.Property(m => m.CalendarError).HasMaxLength(1024);
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.CreatedBy).WithMany().HasForeignKey(m => m.CreatedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// A meeting reminder goes with its meeting.
internal sealed class MeetingDeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder) =>
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
}

/// A member's apologies for a meeting (councils minute them). One per person and meeting; sending again updates the note.
internal sealed class MeetingApology
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

internal sealed class MeetingApologyConfiguration : IEntityTypeConfiguration<MeetingApology>
{
    public void Configure(EntityTypeBuilder<MeetingApology> builder)
    {
        builder.ToTable("MeetingApologies");
        builder.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.HasOne(a => a.Meeting).WithMany(m => m.Apologies).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
