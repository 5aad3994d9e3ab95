using System.Collections.Concurrent;
using System.Threading.Channels;
using OspBot.Commands;
using OspBot.Conversations;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// The directory card names the Teams users OspBot cannot match by Teams name and e-mail, but an activity carries no
/// e-mail. So the first time such a user writes in a personal chat, their roster entry is asked for, once per user
/// per process, off the turn's path: the turn only queues the question, this service asks it after the reply. A
/// failure is logged and forgotten; the card then shows the Teams name alone.
internal sealed class UnmatchedUserEmails(
    IServiceScopeFactory scopes, IConnectorClient connector, IConfiguration configuration, ILogger<UnmatchedUserEmails> logger)
    : BackgroundService
{
    /// On unless set to false (Teams:LookUpUnmatchedEmails): a tenant that forbids roster reads can turn it off.
    private readonly bool _enabled = configuration.GetValue("Teams:LookUpUnmatchedEmails", true);

    /// Far more than the OSP's people; a full queue drops the question rather than hold up a turn.
    private const int QueueLength = 256;

    private readonly Channel<MemberLookup> _queue = Channel.CreateBounded<MemberLookup>(
        new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, byte> _asked = new(StringComparer.Ordinal);

    /// Called at the end of every turn: queues the question for a personal chat's user not asked about before.
    public void Notice(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_enabled && activity.Conversation is { ConversationType: "personal", Id: { Length: > 0 } conversationId }
            && activity.From is { Id: { Length: > 0 } userId, AadObjectId: { Length: > 0 } aad }
            && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            && _asked.TryAdd(aad, 0))
        {
            _queue.Writer.TryWrite(new MemberLookup(serviceUrl, conversationId, userId, aad));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var lookup in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await LookUpAsync(lookup, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.MemberEmailFailed(logger, ex, lookup.ConversationId);
            }
        }
    }

    private async Task LookUpAsync(MemberLookup lookup, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConversationStore>();
        var caller = await scope.ServiceProvider.GetRequiredService<ICallerDirectory>().FindAsync(lookup.AadObjectId, lookup.UserId, null, ct);
        if (caller.IsKnown || !await store.LacksUserEmailAsync(lookup.ConversationId, ct))
        {
            return;
        }

        var member = await connector.GetConversationMemberAsync(lookup.ServiceUrl, lookup.ConversationId, lookup.UserId, ct);
        // Entra's sign-in name is the work address in most tenants; Teams leaves email empty for some accounts.
        var email = member.Email is { Length: > 0 } mail ? mail : member.UserPrincipalName;
        if (email is { Length: > 0 } && email.Contains('@', StringComparison.Ordinal))
        {
            await store.RecordUserEmailAsync(lookup.ConversationId, email, ct);
            Log.MemberEmailKept(logger, lookup.ConversationId);
        }
    }

    private sealed record MemberLookup(Uri ServiceUrl, string ConversationId, string UserId, string AadObjectId);
}
