using System.Text.Json;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Whether an authenticated activity comes from a tenant the bot serves (BotOptions.AllowedTenants). The
/// channel token proves the Bot Framework sent the activity, not which organisation it came from, so the
/// tenant is checked on the activity: conversation.tenantId and channelData.tenant.id must both be allowed
/// when present (a payload cannot pass by naming our tenant in one place and another tenant in the other).
internal static class TenantGate
{
    public static bool Serves(BotOptions options, Activity activity, out string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activity);
        var fromConversation = activity.Conversation?.TenantId;
        var fromChannelData = ChannelDataTenant(activity.ChannelData);
        tenantId = fromConversation ?? fromChannelData;
        if (options.AllowedTenants.Count == 0)
        {
            return true;
        }

        return options.ServesTenant(tenantId)
            && (fromConversation is null || options.ServesTenant(fromConversation))
            && (fromChannelData is null || options.ServesTenant(fromChannelData));
    }

    private static string? ChannelDataTenant(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
