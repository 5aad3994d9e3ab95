using System.Net;
using System.Net.Sockets;

namespace OspBot.Tests.Fakes;

/// The one polling wait, for what no fake can signal: a child process's database rows or health endpoint, a
/// scheduler in another store. Everything in-process is awaited instead (FakeConnector.WaitUntilAsync,
/// TaskCompletionSources, FakeTimeProvider.Advance).
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// Checks <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after <paramref name="within"/>.
    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string what, CancellationToken ct) =>
        TrueAsync(_ => Task.FromResult(condition()), within, what, ct);

    /// The same with a condition that has to ask over the network or the database.
    public static Task TrueAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan within, string what, CancellationToken ct) =>
        ValueAsync<object>(async token => await condition(token) ? true : null, within, what, ct);

    /// Reads until <paramref name="read"/> returns a value (not null); fails naming <paramref name="what"/> after <paramref name="within"/>.
    public static async Task<T> ValueAsync<T>(Func<CancellationToken, Task<T?>> read, TimeSpan within, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(within);
        try
        {
            while (true)
            {
                if (await read(timeout.Token) is { } value)
                {
                    return value;
                }

                await Task.Delay(Interval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Still waiting after {within.TotalSeconds:F0} s for {what}.");
        }
    }

    /// Waits until <paramref name="url"/> answers 200, the health check of a child process the test started;
    /// <paramref name="exited"/> says why to stop at once (the child died), or null while it runs.
    public static Task HealthyAsync(HttpClient http, Uri url, Func<string?> exited, TimeSpan within, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exited);
        return TrueAsync(async token =>
        {
            if (exited() is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            try
            {
                using var response = await http.GetAsync(url, token);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
            {
                return false; // not listening yet (a refused connection can surface as a bare SocketException)
            }
        }, within, $"{url} to answer 200", ct);
    }
}
