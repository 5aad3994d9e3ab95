using System.Text.Json;

namespace OspBot.Reports;

/// Queues a compilation to run now, on whichever instance picks it up (the jobs project does it with Quartz).
/// Queuing one already queued is harmless.
internal interface IReportJobs
{
    Task QueueAsync(int compilationId, CancellationToken ct);
}

/// The requester's report card as the bot draws it (progress, result, failure); the runner decides when.
internal interface IReportCardRenderer
{
    JsonElement Progress(ReportCompilation row, CompileProgress step);

    JsonElement Result(ReportCompilation done, ReportPublication published);

    JsonElement Failed(ReportCompilation done);
}
