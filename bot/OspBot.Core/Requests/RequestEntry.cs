using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Requests;

/// Where a request for OSP support stands; a new request is New until the secretariat takes it up.
public enum RequestStatus
{
    New,
    Accepted,
    OnAgenda,
    InProgress,
    Done,
    Declined,
}

/// One request for OSP support from a submitted update's section 4 ("you asked"), and what the OSP did about it
/// ("we did"). Its current state; every change is also kept as a <see cref="RequestVersion"/>.
internal sealed class RequestEntry
{
    public int Id { get; set; }

    public int SubGroupUpdateId { get; set; }

    public int GroupId { get; set; }

    public Group? Group { get; set; }

    /// The calendar year in which the financial year starts, and 1-4, as the update's round.
    public int FinancialYearStart { get; set; }

    public int Quarter { get; set; }

    /// 0-based place in the section as the lead wrote it.
    public int Position { get; set; }

    public required string Text { get; set; }

    /// SHA-256 of <see cref="Text"/> (hex): with the update, unique, so two intakes at once cannot add a request twice.
    public required string TextKey { get; set; }

    public RequestStatus Status { get; set; }

    public int? OwnerPersonId { get; set; }

    public Person? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Response { get; set; }

    /// The steering group meeting it was put on the agenda of.
    public int? AgendaMeetingId { get; set; }

    /// The lead's answer on the next quarter's prompt card; null until asked.
    public bool? StillStands { get; set; }

    /// Bumped by every change; cards carry it, and EF checks it on write, so two concurrent edits cannot both win.
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<RequestVersion> Versions { get; set; } = [];

    public bool IsOpen => Status is not (RequestStatus.Done or RequestStatus.Declined);
}

/// One saved state of a request, never changed after it is written: who changed what, when.
internal sealed class RequestVersion
{
    public int Id { get; set; }

    public int RequestEntryId { get; set; }

    public int Number { get; set; }

    public RequestStatus Status { get; set; }

    public int? OwnerPersonId { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Response { get; set; }

    public int? AgendaMeetingId { get; set; }

    public bool? StillStands { get; set; }

    /// Null when OspBot itself wrote it (the request taken from a submitted update).
    public int? ChangedByPersonId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class RequestEntryConfiguration : IEntityTypeConfiguration<RequestEntry>
{
    public void Configure(EntityTypeBuilder<RequestEntry> builder)
    {
        builder.ToTable("RequestEntries");
        builder.HasIndex(r => new { r.SubGroupUpdateId, r.TextKey }).IsUnique();
        builder.Property(r => r.TextKey).HasMaxLength(64);
        builder.HasIndex(r => new { r.GroupId, r.Status });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(RequestRules.MaxText);
        builder.Property(r => r.Response).HasMaxLength(RequestRules.MaxResponse);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<SubGroupUpdate>().WithMany().HasForeignKey(r => r.SubGroupUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Group).WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.AgendaMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RequestEntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestVersionConfiguration : IEntityTypeConfiguration<RequestVersion>
{
    public void Configure(EntityTypeBuilder<RequestVersion> builder)
    {
        builder.ToTable("RequestVersions");
        builder.HasIndex(v => new { v.RequestEntryId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Response).HasMaxLength(RequestRules.MaxResponse);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ChangedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
