using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OspBot.Outbox;

namespace OspBot.Meetings;

public static class MeetingsExtensions
{
    /// <summary>
    /// Meetings: the Graph calendar (AddMeetingCalendar), the meeting services, the out-of-office check and the app
    /// installer, with MeetingOptions from section "Meetings" (validated at start). Needs AddOspDatabase and AddRounds.
    /// Replaces AddMeetingCalendar in Program.cs (calling both is harmless).
    /// </summary>
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(s => s.ServiceType == typeof(MeetingCalendarAvailability)))
        {
            builder.AddMeetingCalendar();
        }
        builder.Services.AddMeetingServices();
        return builder;
    }

    /// The services alone: AddMeetings and the rounds' dispatch job (which sends meeting reminders) both need them.
    internal static IServiceCollection AddMeetingServices(this IServiceCollection services)
    {
        // Once only: binding the options twice would append the configured reminder offsets twice.
        if (services.Any(s => s.ServiceType == typeof(MeetingQueries)))
        {
            return services;
        }
        services.AddOptions<MeetingOptions>()
            .BindConfiguration(MeetingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<MeetingQueries>();
        services.TryAddScoped<MeetingScheduler>();
        services.TryAddScoped<MeetingChanges>();
        services.TryAddScoped<MeetingReminders>();
        services.TryAddScoped<MeetingUpkeep>();
        // The rounds feature replaces this with its planner, whichever is registered first.
        services.TryAddScoped<IMeetingRounds, NoMeetingRounds>();
        services.TryAddScoped<OutOfOfficeCheck>();
        services.AddOutboxServices();
        // Replaces the outbox's "nobody is away", whichever was registered first.
        services.AddScoped<IAbsenceCheck>(sp => sp.GetRequiredService<OutOfOfficeCheck>());
        services.TryAddScoped<MemberAppInstaller>();
        return services;
    }
}
