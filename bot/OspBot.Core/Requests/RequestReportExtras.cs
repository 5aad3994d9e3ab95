using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Requests;

/// The year's answered requests for the annual report's "Other OSP activities": done, with the OSP's response.
internal sealed class RequestReportExtras(OspDbContext db) : IReportExtras
{
    public async Task<IReadOnlyList<AnsweredRequest>> AnsweredRequestsAsync(int financialYear, CancellationToken ct) =>
        await db.Set<RequestEntry>().AsNoTracking()
            .Where(r => r.FinancialYearStart == financialYear && r.Status == RequestStatus.Done && r.Response != null)
            .OrderBy(r => r.Quarter).ThenBy(r => r.Group!.Name).ThenBy(r => r.Position)
            .Select(r => new AnsweredRequest(r.Group!.Name, r.Text, r.Response!))
            .ToListAsync(ct);
}
