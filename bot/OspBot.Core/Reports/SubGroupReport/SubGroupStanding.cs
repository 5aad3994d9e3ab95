using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OspBot.Members;

namespace OspBot.Reports;

/// What a sub-group keeps from year to year for its own annual report (001/003) and its part of the council's:
/// the standing text, its partnership table, its projects, and who approves its part. Each field is text as the
/// chair typed it: one line a paragraph, "- " a bullet; the table one row a line, cells split by "|".
internal sealed record SubGroupStanding
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string Background { get; init; } = "";

    public string WayOfWorking { get; init; } = "";

    /// "Community | Community Partnership | Health and Wellbeing Group | Youth Partnership", then a row a line.
    public string PartnershipTable { get; init; } = "";

    /// What the report says after the table (the strategies the partnerships deliver, campaigns, needs assessment).
    public string AfterTable { get; init; } = "";

    /// Each project begins with a line "# its title"; the lines under it describe it.
    public string TaskAndFinish { get; init; } = "";

    /// The lead-in paragraphs, then the projects as "- " lines (the report letters them a., b., …).
    public string RelatedProjects { get; init; } = "";

    /// People the group will invite to join, as sentences ("Kathy Shaw will be invited to join …").
    public string ToBeInvited { get; init; } = "";

    /// Who approves the sub-group's part of the council report: its chair (the default) or its lead.
    public MembershipRole ApprovedBy { get; init; } = MembershipRole.Chair;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SubGroupStanding FromJson(string json) => JsonSerializer.Deserialize<SubGroupStanding>(json, Json) ?? new SubGroupStanding();
}

/// One saved version of a sub-group's standing settings: all of them as they then stood, who saved them, when,
/// and which fields changed. Every version is kept; the highest is the current one.
internal sealed class SubGroupSettingsVersion
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    /// Per sub-group, from 1.
    public int Version { get; set; }

    public required string StandingJson { get; set; }

    public int? ChangedByPersonId { get; set; }

    public required string ChangedByName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// The labels of the fields this version changed, one a line.
    public required string ChangedFields { get; set; }
}

internal sealed class SubGroupSettingsVersionConfiguration : IEntityTypeConfiguration<SubGroupSettingsVersion>
{
    public void Configure(EntityTypeBuilder<SubGroupSettingsVersion> builder)
    {
        // Two people saving at once cannot both write version n + 1: the second is told and keeps what they typed.
        builder.HasIndex(v => new { v.GroupId, v.Version }).IsUnique();
        builder.Property(v => v.ChangedByName).HasMaxLength(200);
        builder.Property(v => v.ChangedFields).HasMaxLength(2000);
        builder.HasOne<Group>().WithMany().HasForeignKey(v => v.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ChangedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
