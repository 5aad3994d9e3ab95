using System.Collections.Concurrent;
using OspBot.Teams.Connector;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Runs a turn in its own DI scope, detached from the HTTP request so it can outlive a slow answer, inside
/// the turn's error boundary: the error is logged and the user gets a short apology, never the exception.
/// It remembers running turns so that shutdown lets them finish: a turn is cancelled only when the host's
/// shutdown timeout runs out (<see cref="DrainAsync"/>), not when stopping begins, so its reply still goes out.
internal sealed class TurnRunner(IServiceScopeFactory scopes, ITurnObserver observer, ILogger<TurnRunner> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _abandon = new();

    public Task<InvokeResponse?> RunAsync(Activity activity)
    {
        var turn = RunInScopeAsync(activity, _abandon.Token);
        if (!turn.IsCompleted)
        {
            _running.TryAdd(turn, true);
            _ = turn.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        }

        return turn;
    }

    /// Waits for the turns still running; when the host's shutdown timeout ends the wait, cancels them.
    public async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
            throw;
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task<InvokeResponse?> RunInScopeAsync(Activity activity, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new TurnLogScope(activity.Id, activity.Conversation?.Id, activity.Type));
        using var observed = observer.TurnStarted(activity, ct);
        await using var services = scopes.CreateAsyncScope();
        var turn = new TurnContext(activity, services.ServiceProvider.GetRequiredService<IConnectorClient>());
        try
        {
            await services.ServiceProvider.GetRequiredService<IBot>().OnTurnAsync(turn, ct);
            return turn.InvokeResponse;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.TurnFailed(logger, ex, activity.Type, activity.Name);
            observed?.Failed(ex);
            return await ApologiseAsync(turn, ct);
        }
    }

    private async Task<InvokeResponse?> ApologiseAsync(TurnContext turn, CancellationToken ct)
    {
        const string Sorry = "Sorry, something went wrong on our side. Please try again in a moment; "
            + "if it keeps happening, let the OSP secretariat know.";
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return new InvokeResponse(200, InvokeResponses.Error(500, "InternalError", Sorry));
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            try
            {
                await turn.SendActivityAsync(new Activity { Text = Sorry }, ct);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
            {
                Log.ApologyFailed(logger, ex);
            }
        }

        return null;
    }
}

/// The ids every log line of a turn carries, as structured scope properties.
internal sealed class TurnLogScope(string? activityId, string? conversationId, string? activityType)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _items =
    [
        new("ActivityId", activityId),
        new("ConversationId", conversationId),
        new("ActivityType", activityType),
    ];

    public int Count => _items.Length;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"activity {activityId} in {conversationId} ({activityType})";
}

/// Lets running turns finish before the host stops.
internal sealed class TurnDrain(TurnRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown timeout reached: the host stops anyway.
        }
    }
}
