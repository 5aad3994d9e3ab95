using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OspBot.Teams.Hosting;

internal static class ServerLimitsExtensions
{
    /// Default host shutdown timeout: long enough for a turn's connector retries and a dispatch batch to
    /// finish, short enough for an orchestrator's grace period (set its own, e.g. Kubernetes'
    /// terminationGracePeriodSeconds, a little longer). Configuration key "ShutdownTimeoutSeconds" overrides it.
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(45);

    /// Kestrel limits for slow or oversized requests (MessagesEndpointOptions) and the shutdown timeout.
    public static IHostApplicationBuilder AddMessagesEndpointLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagesEndpointOptions>()
            .BindConfiguration(MessagesEndpointOptions.Section)
            .ValidateDataAnnotations()
            .Validate(MessagesEndpointOptions.IsValid, "MessagesEndpoint:BodyTimeout, BodyGracePeriod and HeadersTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<MessagesEndpointOptions>>((kestrel, endpoint) =>
        {
            var o = endpoint.Value;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(o.MinBodyBytesPerSecond, o.BodyGracePeriod);
            kestrel.Limits.RequestHeadersTimeout = o.HeadersTimeout;
            // Kestrel refuses larger bodies (chunked ones too) with 413 before the reader sees them; the slack
            // lets the reader give its own, clearer answer for a declared Content-Length just over the limit.
            kestrel.Limits.MaxRequestBodySize = ActivityReader.MaxBodyBytes + 64 * 1024;
            kestrel.AddServerHeader = false;
        });

        // The host's default is 30 s; HostOptions reads "ShutdownTimeoutSeconds" itself when it is configured.
        if (string.IsNullOrEmpty(builder.Configuration["ShutdownTimeoutSeconds"]))
        {
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = DefaultShutdownTimeout);
        }

        return builder;
    }
}
