using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OspBot.Escalations;

public static class EscalationsExtensions
{
    internal static IServiceCollection AddEscalationServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EscalationFinder>();
        return services;
    }
}
