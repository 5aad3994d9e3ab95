using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OspBot.Teams.Connector;

/// The hosts the bot will send its connector token to: the Bot Connector's well-known proactive hosts,
/// configured extras, and every host named by a serviceurl claim of a validated channel token (spec section 4).
/// With authentication off (local development) loopback hosts are trusted too, so the Agents Playground works.
internal sealed class TrustedServiceUrls
{
    private static readonly string[] WellKnownHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly ConcurrentDictionary<string, bool> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _trustLoopback;

    public TrustedServiceUrls(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var host in WellKnownHosts.Concat(options.Value.TrustedServiceHosts))
        {
            _hosts.TryAdd(host, true);
        }

        _trustLoopback = !options.Value.AuthenticationEnabled;
    }

    /// Called once a channel token naming this serviceUrl has been validated.
    public void Trust(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        _hosts.TryAdd(serviceUrl.Host, true);
    }

    public bool IsTrusted(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return _hosts.ContainsKey(serviceUrl.Host) || (_trustLoopback && serviceUrl.IsLoopback);
    }
}
