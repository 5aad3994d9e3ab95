using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OspBot.Reports;

/// At start-up, queues again every compilation left unfinished or undelivered (Quartz's own recovery covers a crash
/// mid-run on a persistent store; this also covers the in-memory store and a stop between request and schedule).
/// Running twice is harmless: a finished compilation is not compiled again, and its result goes out once. It runs
/// once every hosted service has started, so the schema is migrated whichever order the features were added in.
internal sealed class ReportRecovery(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unfinished = await scope.ServiceProvider.GetRequiredService<ReportCompilationService>().UnfinishedAsync(cancellationToken);
        var jobs = scope.ServiceProvider.GetRequiredService<IReportJobs>();
        foreach (var id in unfinished)
        {
            await jobs.QueueAsync(id, cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
