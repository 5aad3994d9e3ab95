using Microsoft.Extensions.Options;
using OspBot.Teams.Authentication;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Turns one POST /api/messages into one turn: read, authenticate, de-duplicate, run, answer. Named after
/// Bot Builder's CloudAdapter, whose job this is.
internal sealed class CloudAdapter(
    ChannelTokenValidator tokens,
    IOptions<BotOptions> options,
    ActivityDeduplicator deduplicator,
    TurnRunner runner,
    ITurnObserver observer,
    ILogger<CloudAdapter> logger)
{
    /// Teams gives up on an answer after about 15 s and re-delivers; a message turn still running after this
    /// budget finishes in the background so the channel gets its 200 in time.
    private static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(10);

    public async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (options.Value.AuthenticationEnabled && !LooksLikeBearer(authorization))
        {
            Log.RequestRejected(logger, 401, "no bearer token");
            return Results.Unauthorized();
        }

        var read = await ActivityReader.ReadAsync(request, ct);
        if (read.Activity is not { } activity)
        {
            Log.RequestRejected(logger, read.Status, read.Error);
            return Results.Problem(read.Error, statusCode: read.Status, title: "The activity was not accepted");
        }

        if (options.Value.AuthenticationEnabled)
        {
            var auth = await tokens.ValidateAsync(authorization, activity.ChannelId, activity.ServiceUrl, ct);
            if (!auth.IsValid)
            {
                Log.RequestRejected(logger, 401, auth.FailureReason);
                return Results.Unauthorized();
            }
        }

        if (!TenantGate.Serves(options.Value, activity, out var tenantId))
        {
            Log.TenantRefused(logger, tenantId, activity.Id, activity.Conversation?.Id);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var (turn, isRepeat) = deduplicator.RunOnce(activity, () => runner.RunAsync(activity));
        if (isRepeat)
        {
            Log.RepeatedActivity(logger, activity.Id, activity.Conversation?.Id);
            observer.Repeated(activity);
        }

        return activity.Type == ActivityTypes.Invoke
            ? AnswerInvoke(await turn)
            : await AcknowledgeAsync(turn);
    }

    private static async Task<IResult> AcknowledgeAsync(Task<InvokeResponse?> turn)
    {
        try
        {
            await turn.WaitAsync(AckBudget);
        }
        catch (TimeoutException)
        {
            // The turn goes on; TurnRunner tracks it so shutdown waits for it.
        }

        return Results.Ok();
    }

    private static IResult AnswerInvoke(InvokeResponse? response) =>
        response is null
            ? Results.StatusCode(StatusCodes.Status501NotImplemented)
            : response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Json(response.Body, TeamsJson.Default.AdaptiveCardInvokeResponse, statusCode: response.Status);

    private static bool LooksLikeBearer(string header) =>
        header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > "Bearer ".Length;
}
