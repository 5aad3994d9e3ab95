namespace OspBot.Reports;

/// What asking for a compilation came to.
internal abstract record CompileRequestResult
{
    private CompileRequestResult()
    {
    }

    /// A new compilation was queued; the caller schedules the job.
    public sealed record Started(ReportCompilation Compilation) : CompileRequestResult;

    /// One for that year is queued or running already; nothing new was started.
    public sealed record AlreadyRunning(ReportCompilation Existing) : CompileRequestResult;

    /// The asker is not (or no longer) in the secretariat, or not in the directory at all.
    public sealed record Refused : CompileRequestResult;
}

/// Where the requester's card lives in Teams.
internal sealed record CardAddress(Uri ServiceUrl, string ConversationId);

/// A step of a running compilation, as the progress card shows it.
internal sealed record CompileProgress(string Stage, int SubGroupsDone, int SubGroupsTotal);

/// A download link and when it stops working.
internal sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt);
