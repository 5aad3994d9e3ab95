using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// What another feature adds to the annual report's input; the report asks without knowing who answers (the
/// requests register does: its answered requests join "Other OSP activities"), so Reports does not depend on it.
internal interface IReportExtras
{
    Task<IReadOnlyList<AnsweredRequest>> AnsweredRequestsAsync(int financialYear, CancellationToken ct);
}
