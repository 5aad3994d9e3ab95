using OspBot.Outbox;
using OspBot.Teams.Connector;
using OspBot.Teams.Notifications;

namespace OspBot.Tests.Outbox;

public sealed class TeamsNotifierTests
{
    public static TheoryData<int, string?, string> Cases => new()
    {
        { 403, "BotNotInConversationRoster", nameof(SendOutcome.Unreachable) },
        { 403, "ConversationBlockedByUser", nameof(SendOutcome.Unreachable) },
        { 403, null, nameof(SendOutcome.Unreachable) },
        { 404, "ConversationNotFound", nameof(SendOutcome.Unreachable) },
        // Refused before sending, or answered "no": certainly not delivered, so worth a later try.
        { 0, "UntrustedServiceUrl", nameof(SendOutcome.Failed) },
        { 429, "TooManyRequests", nameof(SendOutcome.Failed) },
        { 400, "BadArgument", nameof(SendOutcome.Failed) },
        { 412, null, nameof(SendOutcome.Failed) },
        // No answer, or a server error after the request went out: it may have been delivered.
        { 0, "NetworkError", nameof(SendOutcome.Ambiguous) },
        { 500, null, nameof(SendOutcome.Ambiguous) },
        { 502, "BadGateway", nameof(SendOutcome.Ambiguous) },
        { 504, "GatewayTimeout", nameof(SendOutcome.Ambiguous) },
        // The service did not take the request (outage): not delivered, sent again later.
        { 503, "ServiceUnavailable", nameof(SendOutcome.Failed) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Connector_failures_map_to_what_the_dispatcher_may_do_next(int status, string? code, string expected)
    {
        var outcome = TeamsNotifier.Classify(new ConnectorException(status, code, "failed"));

        Assert.Equal(expected, outcome.GetType().Name);
        if (outcome is SendOutcome.Failed failed)
        {
            Assert.True(failed.RetryAfter > TimeSpan.Zero);
        }
    }
}
