using Microsoft.Extensions.Logging;

namespace OspBot.Teams.Authentication;

/// The channel service's signing keys, cached. Reloaded every 24 hours (the channel rotates keys and asks for at least daily
/// refreshes) and when a token names a kid we don't know, at most once per 5 minutes so random kids cannot hammer the endpoint.
/// A failed load keeps the last known keys: an outage of the metadata endpoint must not lock every channel out at once.
internal sealed class ChannelSigningKeys(ChannelKeyDocuments documents, TimeProvider time, ILogger<ChannelSigningKeys> logger)
    : IDisposable
{
    public static readonly TimeSpan MaxKeyAge = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyReloadInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailedLoadRetryDelay = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loadLock = new(1, 1);

    // Replaced whole, so a reader never sees keys from one load with the due time of another.
    private volatile Snapshot _current = new(null, DateTimeOffset.MinValue);
    private DateTimeOffset _lastUnknownKeyReload = DateTimeOffset.MinValue;

    /// The key with this kid, or null when the channel service does not publish it (or its keys cannot be loaded).
    public async Task<ChannelSigningKey?> FindAsync(string kid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kid);
        var current = _current;
        var reloaded = false;
        if (time.GetUtcNow() >= current.ReloadDue)
        {
            current = await ReloadAsync(unknownKid: null, ct);
            reloaded = true;
        }

        if (current.Keys?.TryGetValue(kid, out var key) == true)
        {
            return key;
        }

        // Keys just (re)loaded, or just failed to, or none loaded yet (retried on FailedLoadRetryDelay): asking again now would not help.
        if (reloaded || current.Keys is null)
        {
            return null;
        }

        current = await ReloadAsync(unknownKid: kid, ct);
        return current.Keys?.GetValueOrDefault(kid);
    }

    public void Dispose() => _loadLock.Dispose();

    private async Task<Snapshot> ReloadAsync(string? unknownKid, CancellationToken ct)
    {
        await _loadLock.WaitAsync(ct);
        try
        {
            // Another request may have reloaded while this one waited.
            var now = time.GetUtcNow();
            var current = _current;
            if (unknownKid is null ? now < current.ReloadDue : now - _lastUnknownKeyReload < UnknownKeyReloadInterval)
            {
                return current;
            }

            if (unknownKid is not null)
            {
                if (current.Keys?.ContainsKey(unknownKid) == true)
                {
                    return current;
                }

                _lastUnknownKeyReload = now;
                AuthenticationLog.UnknownSigningKey(logger, unknownKid);
            }

            _current = await LoadAsync(current, now, ct);
            return _current;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(Snapshot current, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var keys = await documents.LoadAsync(ct);
            AuthenticationLog.ChannelKeysLoaded(logger, keys.Count, documents.MetadataUrl);
            return new(keys, now + MaxKeyAge);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Any failure (network, status, malformed documents) means "no new keys"; the caller answers 401, never 500.
            AuthenticationLog.ChannelKeysLoadFailed(logger, ex, documents.MetadataUrl, current.Keys?.Count ?? 0);
            return current with { ReloadDue = now + FailedLoadRetryDelay };
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, ChannelSigningKey>? Keys, DateTimeOffset ReloadDue);
}
