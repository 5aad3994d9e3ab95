using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Rounds;

namespace OspBot.Escalations;

public static class EscalationsExtensions
{
    internal static IServiceCollection AddEscalationServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EscalationFinder>();
        // Replaces the rounds' "nothing flagged", whichever is registered first.
        services.AddScoped<IStatusFlags, EscalationStatusFlags>();
        return services;
    }
}
