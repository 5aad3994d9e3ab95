using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Data;
using OspBot.Meetings;

namespace OspBot.MeetingPack;

public static class MeetingPackExtensions
{
    internal static IServiceCollection AddMeetingPackServices(this IServiceCollection services)
    {
        services.RequireDatabaseFirst("AddMeetingPack");
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<MeetingPackPublishing>();
        services.AddScoped<MeetingPackBuilder>();
        services.AddScoped<MeetingPackBuilds>();
        services.AddScoped<MeetingPackRunner>();
        services.AddSingleton<MeetingPackLinks>();
        services.AddHostedService<MeetingPackRecovery>();
        // Replaces the meetings' "no pack", whichever is registered first: the pack's link goes into steering group reminders.
        services.AddScoped<IMeetingPackLink, MeetingPackReminderLink>();
        return services;
    }
}
