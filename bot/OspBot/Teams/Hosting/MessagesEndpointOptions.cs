using System.ComponentModel.DataAnnotations;

namespace OspBot.Teams.Hosting;

/// How long and how slowly a client may send a request (section "MessagesEndpoint"). Teams posts a few KB at
/// once; a client that trickles its headers or body would otherwise hold a connection, and a turn waiting
/// for its activity, for as long as it likes. The Kestrel limits apply to every endpoint of the server.
internal sealed class MessagesEndpointOptions
{
    public const string Section = "MessagesEndpoint";

    /// The whole activity must have arrived within this time after the headers, or the answer is 408.
    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// Kestrel's MinRequestBodyDataRate: below this rate, after <see cref="BodyGracePeriod"/>, Kestrel ends the request (408).
    [Range(1, 1_000_000)]
    public int MinBodyBytesPerSecond { get; set; } = 240;

    public TimeSpan BodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// Kestrel's RequestHeadersTimeout: the request line and headers must arrive within this time.
    public TimeSpan HeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);

    internal static bool IsValid(MessagesEndpointOptions o) =>
        o.BodyTimeout > TimeSpan.Zero && o.BodyGracePeriod > TimeSpan.Zero && o.HeadersTimeout > TimeSpan.Zero;
}
