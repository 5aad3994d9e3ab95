using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// The requester's report card: progress while it compiles, then the result with its download links (and the
/// SharePoint copy), or the failure.
internal sealed class ReportCardRenderer(ReportLinks links) : IReportCardRenderer
{
    public JsonElement Progress(ReportCompilation row, CompileProgress step)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(step);
        return ReportCards.Progress(new ReportProgressModel
        {
            YearLabel = Label(row),
            Stage = step.Stage,
            SubGroupsDone = step.SubGroupsDone,
            SubGroupsTotal = step.SubGroupsTotal,
            RequestedBy = row.RequestedByName,
            RequestedAt = row.RequestedAt,
        }).ToJsonElement();
    }

    public JsonElement Result(ReportCompilation done, ReportPublication published)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(published);
        var docx = links.Create(done.Id, done.RequestedByPersonId);
        return ReportCards.Result(new ReportResultModel
        {
            YearLabel = Label(done),
            SubGroup = done.GroupId is { } groupId ? (groupId.ToString(CultureInfo.InvariantCulture), FinancialYears.Label(done.FinancialYear)) : null,
            Version = done.Version ?? 1,
            FileName = done.FileName ?? ReportCompilationService.FileName(done.FinancialYear, done.Version ?? 1),
            DownloadUrl = docx.Url,
            MarkdownUrl = links.Create(done.Id, done.RequestedByPersonId, "md").Url,
            LinkExpiresAt = docx.ExpiresAt,
            Missing = done.Missing?.Split('\n') ?? [],
            NotApproved = done.NotApproved?.Split('\n') ?? [],
            RequestedBy = done.RequestedByName,
            RequestedAt = done.RequestedAt,
            SharePointUrl = published.Url,
            SharePointFailure = published.Failure,
        }).ToJsonElement();
    }

    public JsonElement Failed(ReportCompilation done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return ReportCards.Failed(Label(done)).ToJsonElement();
    }

    /// "2024/25" for the council report, "Stronger Communities 2024/25" for a sub-group's own.
    internal static string Label(ReportCompilation c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.GroupName is { } name ? $"{name} {FinancialYears.Label(c.FinancialYear)}" : FinancialYears.Label(c.FinancialYear);
    }
}
