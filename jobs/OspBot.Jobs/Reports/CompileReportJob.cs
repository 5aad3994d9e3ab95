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

/// Queues a compilation as a Quartz trigger of the compile job, run now on whichever instance picks it up.
internal sealed class QuartzReportJobs(ISchedulerFactory schedulers) : IReportJobs
{
    public async Task QueueAsync(int compilationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<CompileReportJob>().WithIdentity(CompileReportJob.Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"compile-report-{compilationId}", "reports")
            .ForJob(CompileReportJob.Key)
            .UsingJobData(CompileReportJob.CompilationIdKey, compilationId)
            .StartNow()
            .Build();
        try
        {
            if (!await scheduler.Exists(trigger.Key, ct))
            {
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
            }
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance's start-up recovery queued the same compilation a moment ago: once is enough.
        }
    }
}
