using System.Text.Json;
using OspBot.Outbox;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Notifications;

/// <see cref="ITeamsNotifier"/> over the Bot Connector. The connector client has already retried what is safe
/// to retry (429, 412, 502-504, network errors), so what reaches here is final for this attempt.
internal sealed class TeamsNotifier(IConnectorClient connector, ILogger<TeamsNotifier> logger) : ITeamsNotifier
{
    /// When Teams throttled us past the connector's own retries, the dispatcher tries again this much later.
    internal static readonly TimeSpan ThrottledRetry = TimeSpan.FromMinutes(1);

    internal static readonly TimeSpan FailedRetry = TimeSpan.FromMinutes(5);

    public async Task<SendOutcome> SendCardAsync(
        string serviceUrl, string conversationId, JsonElement card, string summary, BeforeSend? beforeSend, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var activity = MessageFactory.Card(card, summary) with
        {
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = conversationId },
        };
        try
        {
            var url = new Uri(serviceUrl);
            if (beforeSend is null)
            {
                return new SendOutcome.Sent((await connector.SendToConversationAsync(url, conversationId, activity, ct)).Id);
            }

            return await connector.SendToConversationAsync(url, conversationId, activity, t => beforeSend(t), ct) is { } sent
                ? new SendOutcome.Sent(sent.Id)
                : new SendOutcome.Withdrawn();
        }
        catch (ConnectorException ex)
        {
            var outcome = Classify(ex);
            logger.LogWarning(ex, "Proactive send to {ConversationId} ended {Outcome}", conversationId, outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // A timeout the connector did not turn into a NetworkError: the request may have gone out.
            return new SendOutcome.Ambiguous($"Timed out: {ex.Message}");
        }
    }

    /// POSTing an activity is not idempotent: whenever Teams may have received it, we must not resend.
    internal static SendOutcome Classify(ConnectorException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            { IsConversationUnreachable: true } => new SendOutcome.Unreachable(ex.ErrorCode ?? "Forbidden"),
            { StatusCode: 403 or 404 } => new SendOutcome.Unreachable(ex.ErrorCode ?? (ex.StatusCode == 404 ? "NotFound" : "Forbidden")),
            // Refused before anything was sent: certainly not delivered.
            { StatusCode: 0, ErrorCode: "UntrustedServiceUrl" or ConnectorException.BotTokenUnavailable } => new SendOutcome.Failed(ex.Message, FailedRetry),
            // No answer: the request may have been delivered.
            { StatusCode: 0 } => new SendOutcome.Ambiguous(ex.Message),
            { StatusCode: 429 } => new SendOutcome.Failed(ex.Message, ThrottledRetry),
            // 503 says the service did not take the request (RFC 9110 15.6.4; Teams lists it as retryable):
            // during a connector outage every send ends here and must be sent later, not written off as maybe
            // delivered. 500, 502 and 504 answer after the request may have reached the conversation: ambiguous.
            { StatusCode: 503 } => new SendOutcome.Failed(ex.Message, ThrottledRetry),
            { StatusCode: >= 500 } => new SendOutcome.Ambiguous(ex.Message),
            _ => new SendOutcome.Failed(ex.Message, FailedRetry),
        };
    }
}
