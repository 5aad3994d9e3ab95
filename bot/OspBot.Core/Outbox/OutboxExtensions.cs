using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OspBot.Outbox;

public static class OutboxExtensions
{
    /// The outbox's own services, with OutboxOptions from section "Outbox". The features add their renderers
    /// (IOutboxRenderer) and planners (IDeliveryPlanner); Meetings replaces the IAbsenceCheck that says nobody is
    /// away; the jobs project supplies IDispatchNow. Registered with TryAdd, so calling it twice is harmless.
    internal static IServiceCollection AddOutboxServices(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<DeliveryClaims>();
        services.TryAddScoped<DeliveryOutcomes>();
        services.TryAddScoped<DeliveryQueue>();
        services.TryAddScoped<OutboxRenderers>();
        services.TryAddScoped<OutboxDispatcher>();
        services.TryAddSingleton<DeliverySends>();
        services.TryAddScoped<IAbsenceCheck, NobodyAway>();
        return services;
    }
}
