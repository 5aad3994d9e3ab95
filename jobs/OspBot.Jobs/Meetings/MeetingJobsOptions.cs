namespace OspBot.Jobs.Meetings;

/// <summary>The meetings' upkeep job (configuration section "Jobs:Meetings").</summary>
public sealed class MeetingJobsOptions
{
    public const string Section = "Jobs:Meetings";

    /// <summary>
    /// When OspBot retries calendar creates an outage interrupted and installs itself for members it could not
    /// reach; every 5 minutes by default.
    /// </summary>
    [Cron]
    public string UpkeepCron { get; set; } = "0 0/5 * ? * *";

    /// <summary>Off: no schedule (tests drive MeetingUpkeep themselves).</summary>
    public bool UpkeepEnabled { get; set; } = true;
}
