using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OspBot.Teams.Connector;

public static class ConnectorExtensions
{
    /// The outbound Bot Connector client (IConnectorClient) with its token, rate limiter and retries.
    /// Expects IOptions&lt;BotOptions&gt; to be configured by the caller.
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.Section)
            .ValidateDataAnnotations()
            .Validate(ConnectorOptions.IsValid, "Connector delays must be positive (MaxDelay >= BaseDelay) and every rate window needs Permits > 0 and Window > 0.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<ConnectorResilience>();
        services.TryAddSingleton<IBotTokenProvider>(sp => BotTokenProviders.Create(
            sp.GetRequiredService<IOptions<BotOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotTokenProviders).FullName!)));

        // Retries live in our pipeline, so the handler pipeline stays plain; the timeout is per attempt.
        services.AddHttpClient(ConnectorTransport.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<ConnectorTransport>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return builder;
    }
}
