using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Jobs.Meetings;
using Quartz;

namespace OspBot.Jobs.Rounds;

public static class RoundJobsExtensions
{
    /// <summary>
    /// The rounds' dispatch job (RoundDispatcher, every minute by "Jobs:Rounds:DispatchCron") and RoundDispatchNow.
    /// Call after AddOspJobs and AddRounds; needs an ITeamsNotifier (the bot registers TeamsNotifier).
    /// </summary>
    public static IHostApplicationBuilder AddRoundJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RoundJobsOptions>()
            .BindConfiguration(RoundJobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<RoundDispatcher>();
        builder.Services.AddMeetingDeliveries(); // meeting reminders and out-of-office checks go through the same dispatch
        builder.Services.AddSingleton<RoundDispatchNow>();
        var options = builder.Configuration.GetSection(RoundJobsOptions.Section).Get<RoundJobsOptions>() ?? new();
        if (options.DispatchEnabled)
        {
            builder.AddQuartz(q =>
            {
                q.AddJob<RoundDispatchJob>(j => j.WithIdentity(RoundDispatchJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(RoundDispatchJob.Key).WithIdentity("round-dispatch", "rounds").WithCronSchedule(options.DispatchCron));
            });
        }
        return builder;
    }
}
