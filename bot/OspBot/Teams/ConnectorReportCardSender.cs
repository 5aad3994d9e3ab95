using System.Text.Json;
using OspBot.Reports;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// <see cref="IReportCardSender"/> over the Bot Connector: POST a new card, PUT a replacement.
internal sealed class ConnectorReportCardSender(IConnectorClient connector) : IReportCardSender
{
    public async Task<string> SendAsync(Uri serviceUrl, string conversationId, JsonElement card, string summary, CancellationToken ct)
    {
        var activity = MessageFactory.Card(card, summary) with { Conversation = new ConversationAccount { Id = conversationId } };
        var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct);
        return sent.Id ?? "";
    }

    public Task UpdateAsync(Uri serviceUrl, string conversationId, string activityId, JsonElement card, string summary, CancellationToken ct)
    {
        var activity = MessageFactory.Card(card, summary) with
        {
            Id = activityId,
            Conversation = new ConversationAccount { Id = conversationId },
        };
        return connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct);
    }
}
