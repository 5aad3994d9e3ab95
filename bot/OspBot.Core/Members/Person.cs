using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OspBot.Members;

/// Someone in the OSP's directory, or a vacant seat (<see cref="IsVacant"/>) so the membership list stays whole.
internal sealed class Person
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Organisation { get; set; }

    public string? RoleTitle { get; set; }

    public string? Email { get; set; }

    /// How OspBot reaches this person; null is automatic (ContactChannels.Effective: Teams inside the council's
    /// tenant, Teams then e-mail outside it). The secretariat sets it on the directory card.
    public ContactChannel? Channel { get; set; }

    /// Links a Teams user (activity.from.aadObjectId) to this person; null until known.
    public string? EntraObjectId { get; set; }

    /// Member of Oxford City Council's Policy & Partnerships Team, which runs the OSP's secretariat.
    public bool IsSecretariat { get; set; }

    /// Chair of the OSP as a whole (also the steering group's Chair membership).
    public bool IsOspChair { get; set; }

    public bool IsVacant { get; set; }

    /// The name the directory file gave when it added this person. A later start matches the file's entry by it
    /// when the entry has no Entra id or e-mail, so a rename on the directory card is not undone by a new person.
    public string? SeedName { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasIndex(p => p.EntraObjectId).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.SeedName).HasMaxLength(200);
        builder.Property(p => p.Organisation).HasMaxLength(200);
        builder.Property(p => p.RoleTitle).HasMaxLength(300);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.EntraObjectId).HasMaxLength(64);
    }
}
