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

    /// Queues compilation <paramref name="compilationId"/> to run now, on whichever instance picks it up.
    public static async Task ScheduleAsync(ISchedulerFactory schedulers, int compilationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<CompileReportJob>().WithIdentity(Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"compile-report-{compilationId}", "reports")
            .ForJob(Key)
            .UsingJobData(CompilationIdKey, compilationId)
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
