using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.MeetingPack;
using Quartz;

namespace OspBot.Jobs.MeetingPack;

public static class MeetingPackJobs
{
    /// <summary>
    /// The meeting pack's build job and IMeetingPackJobs, which queues it; and its deadline job
    /// ("Jobs:MeetingPack:Cron"), which queues a first pack for each round whose deadline has passed. Durable, in Quartz's persistent store like the others; Quartz itself comes from AddOspJobs.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingPackJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<BuildMeetingPackJob>();
        builder.Services.AddSingleton<IMeetingPackJobs, QuartzMeetingPackJobs>();
        builder.Services.AddOptions<MeetingPackJobsOptions>()
            .BindConfiguration(MeetingPackJobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(MeetingPackJobsOptions.Section).Get<MeetingPackJobsOptions>() ?? new();
        if (options.Enabled)
        {
            builder.AddQuartz(q =>
            {
                q.AddJob<MeetingPackJob>(j => j.WithIdentity(MeetingPackJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(MeetingPackJob.Key).WithIdentity("meeting-pack-due", "meeting-pack").WithCronSchedule(options.Cron));
            });
        }
        return builder;
    }
}

/// <summary>The meeting pack's deadline job (configuration section "Jobs:MeetingPack").</summary>
public sealed class MeetingPackJobsOptions
{
    public const string Section = "Jobs:MeetingPack";

    /// <summary>How often OspBot looks for rounds whose deadline passed without a pack; every 10 minutes by default.</summary>
    [Cron]
    public string Cron { get; set; } = "0 0/10 * ? * *";

    /// <summary>Off: no schedule (tests drive MeetingPackBuilds.QueueDueAsync themselves).</summary>
    public bool Enabled { get; set; } = true;
}
