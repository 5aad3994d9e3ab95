namespace OspBot.Jobs.Rounds;

/// <summary>The rounds' dispatch job (configuration section "Jobs:Rounds").</summary>
public sealed class RoundJobsOptions
{
    public const string Section = "Jobs:Rounds";

    /// <summary>When the dispatch job looks for due messages; every minute by default.</summary>
    [Cron]
    public string DispatchCron { get; set; } = "0 * * ? * *";

    /// <summary>Off: no schedule and no immediate runs (tests drive RoundDispatcher themselves).</summary>
    public bool DispatchEnabled { get; set; } = true;
}
