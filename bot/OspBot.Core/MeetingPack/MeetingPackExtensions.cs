using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Meetings;

namespace OspBot.MeetingPack;

public static class MeetingPackExtensions
{
    internal static IServiceCollection AddMeetingPackServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<MeetingPackBuilder>();
        services.AddSingleton<MeetingPackLinks>();
        // Replaces the meetings' "no pack", whichever is registered first: the pack's link goes into steering group reminders.
        services.AddScoped<IMeetingPackLink, MeetingPackReminderLink>();
        return services;
    }
}
