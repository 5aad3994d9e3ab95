using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// One inbound activity being handled: what came in, and the means to answer it. Shaped like Bot Builder's
/// ITurnContext, without its middleware pipeline.
public sealed class TurnContext(Activity activity, IConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    /// Set by an invoke handler; becomes the HTTP answer to the invoke.
    public InvokeResponse? InvokeResponse { get; set; }

    public Uri ServiceUrl => new(Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."));

    public string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");

    /// Sends a message into the conversation the activity came from, as a reply to it when it has an id.
    public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var outgoing = reply with
        {
            Type = reply.Type ?? ActivityTypes.Message,
            ChannelId = reply.ChannelId ?? Activity.ChannelId,
            Locale = reply.Locale ?? Activity.Locale,
            From = reply.From ?? Activity.Recipient,
            Recipient = reply.Recipient ?? Activity.From,
            Conversation = reply.Conversation ?? Activity.Conversation,
            ReplyToId = reply.ReplyToId ?? Activity.Id,
        };

        return Activity.Id is { Length: > 0 } id
            ? Connector.ReplyToActivityAsync(ServiceUrl, ConversationId, id, outgoing, ct)
            : Connector.SendToConversationAsync(ServiceUrl, ConversationId, outgoing, ct);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity replacement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var outgoing = replacement with
        {
            Type = replacement.Type ?? ActivityTypes.Message,
            Id = activityId,
            ChannelId = replacement.ChannelId ?? Activity.ChannelId,
            From = replacement.From ?? Activity.Recipient,
            Conversation = replacement.Conversation ?? Activity.Conversation,
        };
        return Connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, outgoing, ct);
    }
}

/// The bot's logic for one turn, as Bot Builder's IBot.
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken ct);
}
