using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Outbox;

namespace OspBot.Meetings;

public static class MeetingsExtensions
{
    /// The meeting services (queries, scheduling, changes, reminders, upkeep), the out-of-office check the outbox
    /// asks, and MeetingOptions from section "Meetings". The calendar itself comes from AddMeetingCalendar.
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
        // The meeting pack feature replaces this, whichever is registered first.
        services.TryAddScoped<IMeetingPackLink, NoMeetingPackLink>();
        services.TryAddScoped<OutOfOfficeCheck>();
        services.AddOutboxServices();
        // Replaces the outbox's "nobody is away", whichever was registered first.
        services.AddScoped<IAbsenceCheck>(sp => sp.GetRequiredService<OutOfOfficeCheck>());
        services.TryAddScoped<MemberAppInstaller>();
        return services;
    }
}
