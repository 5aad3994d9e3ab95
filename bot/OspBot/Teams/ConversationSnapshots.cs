using OspBot.Conversations;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// What the store keeps of an activity's conversation, so proactive messages can reach it later.
internal static class ConversationSnapshots
{
    public static ConversationSnapshot From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var personal = activity.Conversation?.ConversationType == "personal";
        return new ConversationSnapshot
        {
            ConversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)),
            ChannelId = activity.ChannelId ?? "msteams",
            ServiceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.TenantId(),
            BotId = activity.Recipient?.Id,
            UserId = personal ? activity.From?.Id : null,
            UserAadObjectId = personal ? activity.From?.AadObjectId : null,
            UserName = personal && activity.From?.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : null,
            TeamId = activity.TeamId(),
            Locale = activity.Locale,
            IsInstall = IsInstall(activity),
        };
    }

    private static bool IsInstall(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "add" or "add-upgrade")
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true);
}
