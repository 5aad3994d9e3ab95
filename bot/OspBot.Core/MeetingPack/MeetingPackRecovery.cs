using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OspBot.MeetingPack;

/// At start-up, queues again every build left unfinished or undelivered, as the annual report's recovery does.
/// Running twice is harmless: a finished build is not built again, and its card goes out once.
internal sealed class MeetingPackRecovery(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unfinished = await scope.ServiceProvider.GetRequiredService<MeetingPackBuilds>().UnfinishedAsync(cancellationToken);
        var jobs = scope.ServiceProvider.GetRequiredService<IMeetingPackJobs>();
        foreach (var id in unfinished)
        {
            await jobs.QueueAsync(id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
