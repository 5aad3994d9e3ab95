using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OspBot.Conversations;

/// Where the bot can write proactively: a user's personal chat with the bot, or a team channel.
internal sealed class ConversationReference
{
    public int Id { get; set; }

    public required string ConversationId { get; set; }

    public required string ChannelId { get; set; }

    public required string ServiceUrl { get; set; }

    /// "personal", "channel" or "groupChat", as Teams sends it.
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public string? BotId { get; set; }

    /// The user's Teams id ("29:…"); personal conversations only.
    public string? UserId { get; set; }

    /// The user's Entra (AAD) object id; personal conversations only.
    public string? UserAadObjectId { get; set; }

    /// The user's Teams display name, kept from their last activity: the directory card shows unmatched users by it.
    public string? UserName { get; set; }

    /// The user's e-mail as their Teams roster entry gives it, asked for once when they write and the directory does not
    /// know them, so the directory card can say who they are; personal conversations only. Activities carry no e-mail.
    public string? UserEmail { get; set; }

    /// Team conversations only.
    public string? TeamId { get; set; }

    public string? ChannelName { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// Null while the bot can write here.
    public DateTimeOffset? UnreachableSince { get; set; }

    public string? UnreachableReason { get; set; }
}

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> builder)
    {
        builder.ToTable("Conversations");
        builder.HasIndex(c => c.ConversationId).IsUnique();
        builder.HasIndex(c => c.UserAadObjectId);
        builder.HasIndex(c => c.TeamId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.BotId).HasMaxLength(128);
        builder.Property(c => c.UserName).HasMaxLength(200);
        builder.Property(c => c.UserEmail).HasMaxLength(ConversationStore.MaxEmailLength);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.UserAadObjectId).HasMaxLength(64);
        builder.Property(c => c.TeamId).HasMaxLength(256);
        builder.Property(c => c.ChannelName).HasMaxLength(256);
        builder.Property(c => c.Locale).HasMaxLength(32);
        builder.Property(c => c.UnreachableReason).HasMaxLength(256);
    }
}
