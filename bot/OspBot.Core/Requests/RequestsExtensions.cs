using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Rounds;

namespace OspBot.Requests;

public static class RequestsExtensions
{
    /// The register's services; its intake runs before each outbox dispatch, so submitted requests arrive within a minute.
    /// The meeting pack calls this too; the second call adds nothing, so the intake runs once per dispatch.
    internal static IServiceCollection AddRequestServices(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RequestRegister)))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboxServices();
        services.AddScoped<RequestIntake>();
        services.AddScoped<IDeliveryPlanner>(sp => sp.GetRequiredService<RequestIntake>());
        services.AddScoped<RequestRegister>();
        // Replaces the rounds' "nothing more on the prompt card", whichever is registered first.
        services.AddScoped<IPromptExtras, RequestPromptExtras>();
        services.AddScoped<IReportExtras, RequestReportExtras>();
        return services;
    }
}
