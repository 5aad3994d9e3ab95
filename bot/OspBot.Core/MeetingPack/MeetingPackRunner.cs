using OspBot.Reports;

namespace OspBot.MeetingPack;

/// Runs one build and keeps the requester's card current: progress at each stage, then the result, once. The card is
/// sent and replaced through the annual report's card sender (the same Bot Connector calls).
internal sealed class MeetingPackRunner(MeetingPackBuilds builds, IMeetingPackCardRenderer render, IReportCardSender cards)
{
    public async Task RunAsync(int buildId, CancellationToken ct)
    {
        if (await builds.FindAsync(buildId, ct) is not { } row)
        {
            return;
        }
        var quarter = await builds.QuarterLabelAsync(row, ct);
        var done = await builds.RunAsync(buildId, (stage, token) => ShowAsync(row, render.Progress(quarter, stage), quarter, token), ct);
        if (done is null || done.ResultSentAt is not null || done.ServiceUrl is null || done.ConversationId is null)
        {
            return;
        }
        var pack = done is { State: CompilationState.Succeeded, PackId: { } packId } ? await builds.PackAsync(packId, ct) : null;
        var card = pack is null ? render.Failed(quarter, done) : render.Result(quarter, done, pack);
        // Sent, then marked: replacing the progress card is idempotent, so a crash in between at worst replaces it again.
        if (done.ProgressActivityId is null)
        {
            await cards.SendAsync(new Uri(done.ServiceUrl), done.ConversationId, card, Summary(quarter), ct);
        }
        else
        {
            await ShowAsync(done, card, quarter, ct);
        }
        await builds.MarkResultSentAsync(done.Id, ct);
    }

    private Task ShowAsync(MeetingPackBuild row, System.Text.Json.JsonElement card, string quarter, CancellationToken ct) =>
        row.ServiceUrl is null || row.ConversationId is null || row.ProgressActivityId is null
            ? Task.CompletedTask
            : cards.UpdateAsync(new Uri(row.ServiceUrl), row.ConversationId, row.ProgressActivityId, card, Summary(quarter), ct);

    private static string Summary(string quarter) => $"The meeting pack for {quarter}";
}
