using OspBot.Reports;
using Quartz;

namespace OspBot.Jobs.Reports;

/// Compiles one annual report. Durable and recoverable: a crash mid-run fires it again after restart, and the run
/// starts over (compiling is pure and fast); the job data is only the compilation id.
[DisallowConcurrentExecution]
internal sealed class CompileReportJob(ReportCompilationRunner runner) : IJob
{
    public const string CompilationIdKey = "compilationId";

    public static readonly JobKey Key = new("compile-report", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.MergedJobDataMap.GetInt(CompilationIdKey);
        try
        {
            await runner.RunAsync(id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new JobExecutionException($"Compiling report {id} failed.", ex);
        }
    }
}

/// Queues a compilation as a run of the compile job (RunNow).
internal sealed class QuartzReportJobs(ISchedulerFactory schedulers, TimeProvider clock) : IReportJobs
{
    public Task QueueAsync(int compilationId, CancellationToken ct) =>
        RunNow.QueueAsync<CompileReportJob>(schedulers, CompileReportJob.Key, CompileReportJob.CompilationIdKey, compilationId, clock.GetUtcNow(), ct);
}
