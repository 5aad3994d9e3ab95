using OspBot.Outbox;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Connector;

/// The Bot Connector v3 operations the bot uses, addressed relative to the activity's serviceUrl (spec section 4).
/// Sends, replies, updates and creates are rate limited; reads are not (Teams gives them twice the budget).
internal sealed class ConnectorClient(ConnectorTransport transport) : IConnectorClient
{
    public async Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return await transport.SendAsync(SendToConversation(serviceUrl, conversationId), activity, TeamsJson.Default.Activity,
                TeamsJson.Default.ResourceResponse, ct)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse?> SendToConversationAsync(
        Uri serviceUrl, string conversationId, Activity activity, Func<CancellationToken, Task<bool>> beforeSend, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(beforeSend);
        try
        {
            return await transport.SendAsync(SendToConversation(serviceUrl, conversationId) with { BeforeSend = beforeSend }, activity,
                    TeamsJson.Default.Activity, TeamsJson.Default.ResourceResponse, ct)
                ?? new ResourceResponse(null);
        }
        catch (ConnectorSendWithdrawnException)
        {
            return null;
        }
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var call = Call("ReplyToActivity", HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Id(conversationId)}/activities/{Id(activityId)}", conversationId, rateLimited: true, mayDuplicate: true);
        return await transport.SendAsync(call, activity, TeamsJson.Default.Activity, TeamsJson.Default.ResourceResponse, ct)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        // PUT replaces the message: repeating it is harmless, so no duplicate warning.
        var call = Call("UpdateActivity", HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Id(conversationId)}/activities/{Id(activityId)}", conversationId, rateLimited: true, mayDuplicate: false);
        return await transport.SendAsync(call, activity, TeamsJson.Default.Activity, TeamsJson.Default.ResourceResponse, ct)
            ?? new ResourceResponse(activityId);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // No conversation yet, so only the app-wide window applies. Creating a 1:1 chat is create-or-get, but an
        // embedded activity or a channel thread is a new message, hence the duplicate warning.
        var call = Call("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations",
            conversationId: null, rateLimited: true, mayDuplicate: parameters.Activity is not null);
        return await transport.SendAsync(call, parameters, TeamsJson.Default.ConversationParameters,
                TeamsJson.Default.ConversationResourceResponse, ct)
            ?? throw new ConnectorException(200, null, "The connector created a conversation but returned no id.");
    }

    public async Task<TeamsChannelAccount> GetConversationMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var call = Call("GetConversationMember", HttpMethod.Get, serviceUrl,
            $"v3/conversations/{Id(conversationId)}/members/{Id(memberId)}", conversationId, rateLimited: false, mayDuplicate: false);
        return await transport.SendAsync(call, (string?)null, TeamsJson.Default.String, TeamsJson.Default.TeamsChannelAccount, ct)
            ?? throw new ConnectorException(200, null, "The connector returned no member.");
    }

    public async Task<PagedMembersResult> GetConversationPagedMembersAsync(
        Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        List<string> query = [];
        if (pageSize is { } size)
        {
            query.Add(FormattableString.Invariant($"pageSize={size}"));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Id(continuationToken)}");
        }

        var path = $"v3/conversations/{Id(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var call = Call("GetConversationPagedMembers", HttpMethod.Get, serviceUrl, path, conversationId, rateLimited: false, mayDuplicate: false);
        return await transport.SendAsync(call, (string?)null, TeamsJson.Default.String, TeamsJson.Default.PagedMembersResult, ct)
            ?? new PagedMembersResult();
    }

    /// Keeps the serviceUrl's path (…/amer/{tenant}/): a base without a trailing '/' would lose its last segment
    /// under relative-URI rules, so the relative part is appended as text.
    internal static Uri Resolve(Uri serviceUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var baseText = serviceUrl.GetLeftPart(UriPartial.Path);
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }

    private static ConnectorCall SendToConversation(Uri serviceUrl, string conversationId) =>
        Call("SendToConversation", HttpMethod.Post, serviceUrl, $"v3/conversations/{Id(conversationId)}/activities",
            conversationId, rateLimited: true, mayDuplicate: true);

    // Ids carry ':', '@', ';' and '=' (19:…@thread.tacv2;messageid=…): each must stay inside its path segment.
    private static string Id(string id) => Uri.EscapeDataString(id);

    private static ConnectorCall Call(string operation, HttpMethod method, Uri serviceUrl, string relative,
        string? conversationId, bool rateLimited, bool mayDuplicate) =>
        new(operation, method, Resolve(serviceUrl, relative), conversationId, rateLimited, mayDuplicate);
}
