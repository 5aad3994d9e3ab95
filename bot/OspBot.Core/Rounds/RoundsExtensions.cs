using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

public static class RoundsExtensions
{
    /// <summary>
    /// Quarterly update rounds (RoundAdmin, RoundPlanner, UpdateEditor, RoundViews) and the secretariat's directory edits (DirectoryEditor), with
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
        builder.Services.AddScoped<RoundAdmin>();
        builder.Services.AddScoped<RoundPlanner>();
        builder.Services.AddScoped<IMeetingRounds>(sp => sp.GetRequiredService<RoundPlanner>());
        builder.Services.AddScoped<UpdateEditor>();
        builder.Services.AddScoped<RoundViews>();
        builder.Services.AddOutboxServices();
        builder.Services.AddScoped<RoundDeliveryPlanner>();
        builder.Services.AddScoped<IDeliveryPlanner>(sp => sp.GetRequiredService<RoundDeliveryPlanner>());
        builder.Services.AddScoped<RoundCallers>();
        builder.Services.AddScoped<DirectoryEditor>();
        return builder;
    }
}
