using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OspBot.Reports;

/// At start-up, queues again every compilation left unfinished or undelivered (Quartz's own recovery covers a crash
/// mid-run on a persistent store; this also covers the in-memory store and a stop between request and schedule).
/// Running twice is harmless: a finished compilation is not compiled again, and its result goes out once. It reads
/// the database at start, so it is registered after the migration (AddReportServices checks).
internal sealed class ReportRecovery(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unfinished = await scope.ServiceProvider.GetRequiredService<ReportCompilationService>().UnfinishedAsync(cancellationToken);
        var jobs = scope.ServiceProvider.GetRequiredService<IReportJobs>();
        foreach (var id in unfinished)
        {
            await jobs.QueueAsync(id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
