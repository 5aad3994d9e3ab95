using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Meetings;
using OspBot.Outbox;

namespace OspBot.Rounds;

public static class RoundsExtensions
{
    /// The rounds' services (RoundAdmin, RoundPlanner, UpdateEditor, RoundViews), their part of each dispatch, and
    /// their answer to meetings (IMeetingRounds), with RoundOptions from section "Rounds".
    internal static IServiceCollection AddRoundServices(this IServiceCollection services)
    {
        services.AddOptions<RoundOptions>()
            .BindConfiguration(RoundOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<RoundAdmin>();
        services.AddScoped<RoundPlanner>();
        // Replaces the meetings' "no rounds", whichever is registered first.
        services.AddScoped<IMeetingRounds>(sp => sp.GetRequiredService<RoundPlanner>());
        services.AddScoped<UpdateEditor>();
        // The requests register replaces it, whichever is registered first.
        services.TryAddScoped<IPromptExtras, NoPromptExtras>();
        // The escalations replace it, whichever is registered first.
        services.TryAddScoped<IStatusFlags, NoStatusFlags>();
        services.AddScoped<RoundViews>();
        services.AddScoped<SubGroupFinder>();
        services.AddOutboxServices();
        services.AddScoped<RoundDeliveryPlanner>();
        services.AddScoped<IDeliveryPlanner>(sp => sp.GetRequiredService<RoundDeliveryPlanner>());
        return services;
    }
}
