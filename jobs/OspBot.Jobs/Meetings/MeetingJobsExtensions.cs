using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace OspBot.Jobs.Meetings;

public static class MeetingJobsExtensions
{
    /// <summary>
    /// The meetings' upkeep job (calendar retries and app installs, "Jobs:Meetings:UpkeepCron"). Meeting reminders
    /// need no job of their own: the outbox's dispatch job sends them. Quartz itself comes from AddOspJobs, in any order.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MeetingJobsOptions>()
            .BindConfiguration(MeetingJobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(MeetingJobsOptions.Section).Get<MeetingJobsOptions>() ?? new();
        if (options.UpkeepEnabled)
        {
            builder.AddQuartz(q =>
            {
                q.AddJob<MeetingUpkeepJob>(j => j.WithIdentity(MeetingUpkeepJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(MeetingUpkeepJob.Key).WithIdentity("meeting-upkeep", "meetings").WithCronSchedule(options.UpkeepCron));
            });
        }
        return builder;
    }
}
