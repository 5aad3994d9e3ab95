using System.Text.Json;

namespace OspBot.MeetingPack;

/// Queues a build to run now, on whichever instance picks it up (the jobs project does it with Quartz).
/// Queuing one already queued is harmless.
internal interface IMeetingPackJobs
{
    Task QueueAsync(int buildId, CancellationToken ct);
}

/// The requester's pack card as the bot draws it (progress, result, failure); the runner decides when.
internal interface IMeetingPackCardRenderer
{
    JsonElement Progress(string quarterLabel, string stage);

    JsonElement Result(string quarterLabel, MeetingPackBuild build, MeetingPackVersion pack);

    JsonElement Failed(string quarterLabel, MeetingPackBuild build);
}
