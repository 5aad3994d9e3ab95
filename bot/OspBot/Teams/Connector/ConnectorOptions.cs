using System.ComponentModel.DataAnnotations;

namespace OspBot.Teams.Connector;

/// Retry and rate-limit settings of the outbound Bot Connector client (section "Connector").
internal sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// Retries after the first attempt for 429/412/502/503/504 and network failures. 0 disables retries.
    /// Seven backoff steps (1, 2, 4, 8, 16, 30, 30 s, with jitter) ride out a connector outage of about a minute
    /// and a half, so a reply to a user is delayed rather than lost; proactive sends that still fail are
    /// retried later by the round dispatcher.
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 7;

    /// First backoff step; doubles per attempt, with jitter, up to <see cref="MaxDelay"/>.
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// Cap of one backoff step, and of a Retry-After hint (a longer hint would hold a turn hostage).
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// Timeout of one HTTP attempt (HttpClient.Timeout); a timed-out attempt is retried.
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// Per-conversation sliding windows, all enforced together. Empty means Teams' published limits
    /// for send/create: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour.
    public List<RateWindow> ConversationWindows { get; set; } = [];

    /// App-wide sliding windows across all conversations. Empty means Teams' 50 requests per second.
    public List<RateWindow> AppWindows { get; set; } = [];

    /// Added to every window as slack for Teams' own clock; network latency is already covered because a send
    /// counts from its release until its response is back.
    public TimeSpan WindowMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    internal static readonly RateWindow[] TeamsConversationWindows =
    [
        new() { Permits = 7, Window = TimeSpan.FromSeconds(1) },
        new() { Permits = 8, Window = TimeSpan.FromSeconds(2) },
        new() { Permits = 60, Window = TimeSpan.FromSeconds(30) },
        new() { Permits = 1800, Window = TimeSpan.FromHours(1) },
    ];

    internal static readonly RateWindow[] TeamsAppWindows = [new() { Permits = 50, Window = TimeSpan.FromSeconds(1) }];

    internal IReadOnlyList<RateWindow> EffectiveConversationWindows =>
        ConversationWindows.Count > 0 ? ConversationWindows : TeamsConversationWindows;

    internal IReadOnlyList<RateWindow> EffectiveAppWindows => AppWindows.Count > 0 ? AppWindows : TeamsAppWindows;

    /// What data annotations cannot say: positive durations and well-formed windows.
    internal static bool IsValid(ConnectorOptions o) =>
        o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay && o.RequestTimeout > TimeSpan.Zero
        && o.WindowMargin >= TimeSpan.Zero
        && o.ConversationWindows.Concat(o.AppWindows).All(w => w.Permits > 0 && w.Window > TimeSpan.Zero);
}

/// At most <see cref="Permits"/> requests in any interval of length <see cref="Window"/>.
internal sealed class RateWindow
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }
}
