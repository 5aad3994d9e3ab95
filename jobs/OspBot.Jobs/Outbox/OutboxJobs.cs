using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Outbox;
using Quartz;

namespace OspBot.Jobs.Outbox;

public static class OutboxJobs
{
    /// <summary>
    /// The outbox's dispatch job (every minute by "Jobs:Outbox:DispatchCron") and IDispatchNow. Quartz itself comes
    /// from AddOspJobs; the order of the two does not matter.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OutboxJobsOptions>()
            .BindConfiguration(OutboxJobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IDispatchNow, QuartzDispatchNow>();
        var options = builder.Configuration.GetSection(OutboxJobsOptions.Section).Get<OutboxJobsOptions>() ?? new();
        if (options.DispatchEnabled)
        {
            builder.AddQuartz(q =>
            {
                q.AddJob<OutboxDispatchJob>(j => j.WithIdentity(OutboxDispatchJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(OutboxDispatchJob.Key).WithIdentity("outbox-dispatch", "outbox").WithCronSchedule(options.DispatchCron));
            });
        }
        return builder;
    }
}
