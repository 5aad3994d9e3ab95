using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// Runs one compilation and keeps the requester's card current: progress at each stage, then the result, once.
internal sealed class ReportCompilationRunner(
    ReportCompilationService compilations, IReportCardRenderer render, IReportCardSender cards)
{
    public async Task RunAsync(int compilationId, CancellationToken ct)
    {
        var row = await compilations.FindAsync(compilationId, ct);
        if (row is null)
        {
            return;
        }

        var done = await compilations.RunAsync(compilationId, (step, token) => ShowProgressAsync(row, step, token), ct);
        if (done is null || done.ResultSentAt is not null)
        {
            return;
        }

        // Uploaded only while the result is undelivered, so a re-run after a crash may upload again (same name,
        // replaced) but a delivered one does not; the link lives only in this run's card (no database field for it).
        var published = await compilations.PublishAsync(done, ct);
        if (done.ServiceUrl is null || done.ConversationId is null)
        {
            return;
        }

        var card = done.State == CompilationState.Succeeded ? render.Result(done, published) : render.Failed(done);
        var summary = $"The {FinancialYears.Label(done.FinancialYear)} annual report";
        var serviceUrl = new Uri(done.ServiceUrl);
        // Sent, then marked: replacing the progress card is idempotent, so a crash in between at worst replaces it again.
        if (done.ProgressActivityId is { } activityId)
        {
            await cards.UpdateAsync(serviceUrl, done.ConversationId, activityId, card, summary, ct);
        }
        else
        {
            await cards.SendAsync(serviceUrl, done.ConversationId, card, summary, ct);
        }

        await compilations.MarkResultSentAsync(done.Id, ct);
    }

    private Task ShowProgressAsync(ReportCompilation row, CompileProgress step, CancellationToken ct) =>
        row.ServiceUrl is null || row.ConversationId is null || row.ProgressActivityId is null
            ? Task.CompletedTask
            : cards.UpdateAsync(new Uri(row.ServiceUrl), row.ConversationId, row.ProgressActivityId, render.Progress(row, step),
                $"Compiling the {FinancialYears.Label(row.FinancialYear)} annual report", ct);
}
