using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace OspBot.Hosting;

/// <summary>
/// The reverse proxy or load balancer in front of the instances (configuration section "ReverseProxy"). Only a
/// request arriving from one of its addresses has its X-Forwarded-For and X-Forwarded-Proto believed, so the
/// per-address rate limits and the audit lines of the e-mail links see the partner's address, not the proxy's, and
/// nobody else can claim an address by sending the header.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// The proxy's addresses or networks, e.g. "10.0.0.0/16" or "10.0.0.4". Unset (the default, and right when the
    /// bot is reached directly): forwarded headers are ignored.
    /// </summary>
    public IList<string> TrustedNetworks { get; } = [];

    internal IReadOnlyList<IPNetwork> Networks() => [.. TrustedNetworks.Select(ParseOrNull).OfType<IPNetwork>()];

    internal static IPNetwork? ParseOrNull(string? text) =>
        IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : null;
}

public static class ReverseProxy
{
    /// Reads ReverseProxy:TrustedNetworks (refusing to start on an entry that is not an address or a network) and,
    /// when any is set, puts the forwarded-headers middleware first in the pipeline, before anything reads the
    /// caller's address.
    public static IHostApplicationBuilder AddReverseProxy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyValidation>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var network in proxy.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            // Each trusted hop is unwrapped, up to the first address that is not one of the proxy's.
            forwarded.ForwardLimit = null;
        });
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return builder;
    }

    private sealed class ReverseProxyValidation : IValidateOptions<ReverseProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
        {
            var bad = options.TrustedNetworks.Select((entry, index) => (entry, index)).Where(e => ReverseProxyOptions.ParseOrNull(e.entry) is null).ToList();
            return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad.Select(e =>
                $"{ReverseProxyOptions.Section}:TrustedNetworks:{e.index} '{e.entry}' is not an IP address or a network: set it to the proxy's address (10.0.0.4) or its network in CIDR form (10.0.0.0/16)."));
        }
    }

    private sealed class ForwardedHeadersFirst(IOptions<ReverseProxyOptions> proxy) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (proxy.Value.TrustedNetworks.Count > 0)
            {
                app.UseForwardedHeaders();
            }
            next(app);
        };
    }
}
