using Azure.Core;

namespace OspBot.Teams.Connector;

/// A user-assigned managed identity's token (client id = MicrosoftAppId), kept until five minutes before it
/// expires so a send never starts with a token that lapses mid-retry.
internal sealed class ManagedIdentityBotTokenProvider(TokenCredential credential, string scope, TimeProvider time)
    : IBotTokenProvider, IDisposable
{
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly TokenRequestContext _request = new([scope]);

    // A reference, so readers outside the lock never see half of an update.
    private volatile Cached? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        // One refresh at a time: callers that queued behind it reuse its result.
        await _refresh.WaitAsync(ct);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var access = await credential.GetTokenAsync(_request, ct);
            _cached = new Cached(access.Token, access.ExpiresOn - RenewBefore);
            return access.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Fresh() => _cached is { } c && time.GetUtcNow() < c.RenewAt ? c.Token : null;

    private sealed record Cached(string Token, DateTimeOffset RenewAt);
}
