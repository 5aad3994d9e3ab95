using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OspBot.Teams.Connector;

namespace OspBot.Teams.Authentication;

public static class ChannelAuthenticationExtensions
{
    /// Registers ChannelTokenValidator and the channel key cache. Needs IOptions&lt;BotOptions&gt; (bound by the caller).
    public static IHostApplicationBuilder AddChannelAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Key documents are small; the cap and timeout keep a misbehaving endpoint from stalling inbound requests.
        builder.Services.AddHttpClient(ChannelKeyDocuments.HttpClientName, http =>
        {
            http.Timeout = TimeSpan.FromSeconds(10);
            http.MaxResponseContentBufferSize = 1024 * 1024;
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TrustedServiceUrls>();
        builder.Services.TryAddSingleton<ChannelKeyDocuments>();
        builder.Services.TryAddSingleton<ChannelSigningKeys>();
        builder.Services.TryAddSingleton<ChannelTokenValidator>();
        return builder;
    }
}
