namespace OspBot.Jobs.Outbox;

/// <summary>The outbox's dispatch job (configuration section "Jobs:Outbox").</summary>
public sealed class OutboxJobsOptions
{
    public const string Section = "Jobs:Outbox";

    /// <summary>When the dispatch job looks for due messages; every minute by default.</summary>
    [Cron]
    public string DispatchCron { get; set; } = "0 * * ? * *";

    /// <summary>Off: no schedule and no immediate runs (tests drive OutboxDispatcher themselves).</summary>
    public bool DispatchEnabled { get; set; } = true;
}
