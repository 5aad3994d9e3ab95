using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OspBot.MeetingPack;

public static class MeetingPackExtensions
{
    internal static IServiceCollection AddMeetingPackServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<MeetingPackBuilder>();
        services.AddSingleton<MeetingPackLinks>();
        return services;
    }
}
