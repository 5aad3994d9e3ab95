using System.Data.Common;
using System.Text.Json;
using OspBot.Deduplication;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

internal sealed partial class ActivityDeduplicator
{
    /// How long a repeated invoke waits for the instance running the first delivery to record its answer; about
    /// Teams' own patience, after which the channel has given up on this delivery too.
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan AnswerPoll = TimeSpan.FromMilliseconds(100);

    /// Runs the turn if no instance sharing the store has taken this activity; otherwise a repeated message is
    /// acknowledged without running and a repeated invoke gets the first run's answer.
    private async Task<InvokeResponse?> RunOnceAcrossInstancesAsync(IActivityIdStore store, Activity activity, Func<Task<InvokeResponse?>> run)
    {
        var key = ActivityKey.Of(activity.ChannelId, activity.Conversation?.Id, activity.Id!);
        ActivityClaim claim;
        try
        {
            claim = await store.TryStartAsync(key, CancellationToken.None);
        }
        catch (DbException ex)
        {
            // Answering twice beats not answering: the database being down makes the turn fail loudly anyway.
            SharedLog.StoreUnavailable(logger, ex, activity.Id);
            return await run();
        }

        if (claim == ActivityClaim.Started)
        {
            return await RunAndRecordAsync(store, key, run);
        }

        Log.RepeatedActivity(logger, activity.Id, activity.Conversation?.Id);
        observer?.Repeated(activity);
        return activity.Type == ActivityTypes.Invoke ? await AnswerOfAsync(store, key, claim, run) : null;
    }

    private async Task<InvokeResponse?> RunAndRecordAsync(IActivityIdStore store, Guid key, Func<Task<InvokeResponse?>> run)
    {
        InvokeResponse? answer;
        try
        {
            answer = await run();
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-turn: let Teams' re-delivery run on an instance that is still up.
            await TryAsync(() => store.ForgetAsync(key, CancellationToken.None));
            throw;
        }

        var body = answer?.Body is { } b ? JsonSerializer.Serialize(b, TeamsJson.Default.AdaptiveCardInvokeResponse) : null;
        // Recorded off the answer's path: a repeat arriving meanwhile waits for it, as for a turn still running.
        _ = TryAsync(() => store.FinishAsync(key, answer?.Status, body, CancellationToken.None));
        return answer;
    }

    /// The first run's answer once it is recorded; null (no answer) if it does not come within AnswerWait.
    private async Task<InvokeResponse?> AnswerOfAsync(IActivityIdStore store, Guid key, ActivityClaim claim, Func<Task<InvokeResponse?>> run)
    {
        var deadline = time.GetUtcNow() + AnswerWait;
        try
        {
            while (claim is ActivityClaim.RunningElsewhere && time.GetUtcNow() < deadline)
            {
                await Task.Delay(AnswerPoll, time);
                claim = await store.TryStartAsync(key, CancellationToken.None);
            }
        }
        catch (DbException ex)
        {
            SharedLog.StoreUnavailable(logger, ex, null);
            return null;
        }

        return claim switch
        {
            // The other instance stopped mid-turn and gave it up: it runs here instead.
            ActivityClaim.StartedHere => await RunAndRecordAsync(store, key, run),
            ActivityClaim.Finished { AnswerStatus: { } status } done => new InvokeResponse(status, done.AnswerBody is { } json
                ? JsonSerializer.Deserialize(json, TeamsJson.Default.AdaptiveCardInvokeResponse)
                : null),
            _ => null,
        };
    }

    private async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (DbException ex)
        {
            // The turn is done and answered; a lost record only means a later repeat may run again.
            SharedLog.StoreWriteFailed(logger, ex);
        }
    }
}

internal static partial class SharedLog
{
    [LoggerMessage(2030, LogLevel.Warning, "The shared activity store could not be read; activity {ActivityId} runs here unchecked")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(2031, LogLevel.Warning, "The shared activity store could not record a finished turn")]
    public static partial void StoreWriteFailed(ILogger logger, Exception exception);
}
