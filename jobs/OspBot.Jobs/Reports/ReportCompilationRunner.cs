using OspBot.Cards.Reports;
using OspBot.Reports;

namespace OspBot.Jobs.Reports;

/// Runs one compilation and keeps the requester's card current: progress at each stage, then the result, once.
internal sealed class ReportCompilationRunner(
    ReportCompilationService compilations, ReportLinks links, IReportCardSender cards)
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

        var card = done.State == CompilationState.Succeeded
            ? ReportCards.Result(ResultModel(done, published))
            : ReportCards.Failed(Year(done));
        var summary = $"The {Year(done)} annual report";
        var serviceUrl = new Uri(done.ServiceUrl);
        // Sent, then marked: replacing the progress card is idempotent, so a crash in between at worst replaces it again.
        if (done.ProgressActivityId is { } activityId)
        {
            await cards.UpdateAsync(serviceUrl, done.ConversationId, activityId, card.ToJsonElement(), summary, ct);
        }
        else
        {
            await cards.SendAsync(serviceUrl, done.ConversationId, card.ToJsonElement(), summary, ct);
        }

        await compilations.MarkResultSentAsync(done.Id, ct);
    }

    private Task ShowProgressAsync(ReportCompilation row, CompileProgress step, CancellationToken ct)
    {
        if (row.ServiceUrl is null || row.ConversationId is null || row.ProgressActivityId is null)
        {
            return Task.CompletedTask;
        }

        var card = ReportCards.Progress(new ReportProgressModel
        {
            YearLabel = Year(row),
            Stage = step.Stage,
            SubGroupsDone = step.SubGroupsDone,
            SubGroupsTotal = step.SubGroupsTotal,
            RequestedBy = row.RequestedByName,
            RequestedAt = row.RequestedAt,
        });
        return cards.UpdateAsync(new Uri(row.ServiceUrl), row.ConversationId, row.ProgressActivityId, card.ToJsonElement(), $"Compiling the {Year(row)} annual report", ct);
    }

    private ReportResultModel ResultModel(ReportCompilation done, ReportPublication published)
    {
        var docx = links.Create(done.Id, done.RequestedByPersonId);
        return new ReportResultModel
        {
            YearLabel = Year(done),
            Version = done.Version ?? 1,
            FileName = done.FileName ?? ReportCompilationService.FileName(done.FinancialYear, done.Version ?? 1),
            DownloadUrl = docx.Url,
            MarkdownUrl = links.Create(done.Id, done.RequestedByPersonId, "md").Url,
            LinkExpiresAt = docx.ExpiresAt,
            Missing = done.Missing?.Split('\n') ?? [],
            RequestedBy = done.RequestedByName,
            RequestedAt = done.RequestedAt,
            SharePointUrl = published.Url,
            SharePointFailure = published.Failure,
        };
    }

    private static string Year(ReportCompilation c) => FinancialYears.Label(c.FinancialYear);
}
