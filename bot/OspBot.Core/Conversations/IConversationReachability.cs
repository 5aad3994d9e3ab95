namespace OspBot.Conversations;

/// Records that a conversation can no longer be written to (the app was removed or the user blocked it),
/// so nothing more is sent there until the app is installed again.
public interface IConversationReachability
{
    Task MarkUnreachableAsync(string conversationId, string reason, CancellationToken ct);
}
