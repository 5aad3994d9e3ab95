using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Reports;
using Quartz;

namespace OspBot.Jobs.Reports;

/// At start-up, queues again every compilation left unfinished or undelivered (Quartz's own recovery covers a crash
/// mid-run on a persistent store; this also covers the in-memory store and a stop between request and schedule).
/// Running twice is harmless: a finished compilation is not compiled again, and its result goes out once.
internal sealed class ReportRecovery(IServiceScopeFactory scopes, ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unfinished = await scope.ServiceProvider.GetRequiredService<ReportCompilationService>().UnfinishedAsync(cancellationToken);
        foreach (var id in unfinished)
        {
            await CompileReportJob.ScheduleAsync(schedulers, id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
