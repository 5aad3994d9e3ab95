using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

public static class RoundsExtensions
{
    /// <summary>
    /// Quarterly update rounds (RoundService) and the secretariat's directory edits (DirectoryEditor), with
    /// RoundOptions from section "Rounds". Needs AddOspDatabase.
    /// </summary>
    public static IHostApplicationBuilder AddRounds(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RoundOptions>()
            .BindConfiguration(RoundOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RoundService>();
        builder.Services.AddOutboxServices();
        builder.Services.AddScoped<IDeliveryPlanner, RoundDeliveryPlanner>();
        builder.Services.AddScoped<RoundCallers>();
        builder.Services.AddScoped<DirectoryEditor>();
        return builder;
    }
}
