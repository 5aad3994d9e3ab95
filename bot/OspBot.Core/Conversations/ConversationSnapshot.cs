namespace OspBot.Conversations;

/// What an inbound activity says about its conversation, in plain strings so Core never sees the bot's wire model.
/// Value equality is what lets <see cref="ConversationStore"/> skip writes when nothing changed.
public sealed record ConversationSnapshot
{
    public required string ConversationId { get; init; }

    public required string ChannelId { get; init; }

    public required string ServiceUrl { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? BotId { get; init; }

    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    /// The user's name as Teams shows it (activity.from.name); personal conversations only.
    public string? UserName { get; init; }

    public string? TeamId { get; init; }

    public string? ChannelName { get; init; }

    public string? Locale { get; init; }

    /// True for the installationUpdate/conversationUpdate that (re)installs the app: always written, and it
    /// restarts InstalledAt.
    public bool IsInstall { get; init; }
}
