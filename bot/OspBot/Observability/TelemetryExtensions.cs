using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OspBot.Data;
using OspBot.Jobs;
using OspBot.Outbox;
using OspBot.Teams.Connector;
using OspBot.Teams.Hosting;
using Quartz.Diagnostics;

namespace OspBot.Observability;

public static class TelemetryExtensions
{
    /// The standard OpenTelemetry switch: an OTLP collector's address. Unset, telemetry is off.
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string DefaultServiceName = "ospbot";

    /// <summary>
    /// OpenTelemetry traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the other OTEL_* variables
    /// tune the exporter as usual): OspBot's turns, connector and Graph calls, database commands and outbox; Quartz's
    /// jobs; ASP.NET Core, HttpClient and the runtime. Unset, nothing is registered: no provider, no listener, no
    /// exporter, and the hooks in the code cost a null check.
    /// </summary>
    public static IHostApplicationBuilder AddOspTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName,
                serviceInstanceId: InstanceId(builder.Configuration), autoGenerateServiceInstanceId: false))
            .WithTracing(tracing => tracing
                .AddSource(OspTelemetry.SourceName, QuartzInstrumentation.ActivitySourceName)
                // Load balancers probe /healthz every few seconds; those requests are not worth a trace each.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(OspTelemetry.MeterName, QuartzInstrumentation.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddInstrumentation(sp => ActivatorUtilities.CreateInstance<OutboxPendingGauge>(sp))
                .AddOtlpExporter());

        services.AddSingleton<IStartupFilter, MessagesEndpointTelemetry.Startup>();
        // Replaces the connector client whether AddTeamsBot came before or comes after (it only TryAdds its own).
        services.Replace(ServiceDescriptor.Singleton<IConnectorClient>(
            sp => new MeasuredConnectorClient(ActivatorUtilities.CreateInstance<ConnectorClient>(sp))));
        services.Replace(ServiceDescriptor.Singleton<ITurnObserver, TelemetryTurnObserver>());
        services.ConfigureDbContext<SqliteOspDbContext>(o => o.AddInterceptors(DbCommandTelemetry.Instance, OutboxQueuedInterceptor.Instance));
        services.ConfigureDbContext<PostgresOspDbContext>(o => o.AddInterceptors(DbCommandTelemetry.Instance, OutboxQueuedInterceptor.Instance));
        return builder;
    }

    /// service.instance.id: the Quartz cluster's instance id when one is set (e.g. the pod name), else the host name.
    private static string InstanceId(IConfiguration configuration) =>
        configuration[$"{JobsOptions.Section}:{nameof(JobsOptions.InstanceId)}"] is { Length: > 0 } id ? id : Environment.MachineName;
}
