using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OspBot.Members;

public enum GroupKind
{
    SteeringGroup,
    SubGroup,
}

/// The OSP steering group or one of its sub-groups.
internal sealed class Group
{
    public int Id { get; set; }

    /// Stable slug such as "economic-development", used in cards and commands.
    public required string Key { get; set; }

    public required string Name { get; set; }

    public GroupKind Kind { get; set; }

    /// Whether the group's updates go to its chair for approval before they reach the secretariat.
    public bool RequiresChairApproval { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.HasIndex(g => g.Key).IsUnique();
        builder.Property(g => g.Key).HasMaxLength(64);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
