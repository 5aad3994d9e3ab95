using System.Security.Cryptography;
using System.Text;

namespace OspBot.Deduplication;

/// Which inbound activities the instances sharing the database have already taken (issue 6: a repeated activity id
/// is answered once across instances). Registered only on PostgreSQL; without it, de-duplication is per process.
internal interface IActivityIdStore
{
    /// Takes the activity for this instance, or says who has it: running elsewhere, or finished (with its answer).
    Task<ActivityClaim> TryStartAsync(Guid key, CancellationToken ct);

    /// Records the end of a run taken here, with an invoke's answer for repeats.
    Task FinishAsync(Guid key, int? answerStatus, string? answerBody, CancellationToken ct);

    /// Gives up a run taken here that did not finish (cancelled at shutdown), so a re-delivery can run anywhere.
    Task ForgetAsync(Guid key, CancellationToken ct);
}

internal abstract record ActivityClaim
{
    public static readonly ActivityClaim Started = new StartedHere();

    public static readonly ActivityClaim Running = new RunningElsewhere();

    private ActivityClaim()
    {
    }

    public sealed record StartedHere : ActivityClaim;

    public sealed record RunningElsewhere : ActivityClaim;

    public sealed record Finished(int? AnswerStatus, string? AnswerBody) : ActivityClaim;
}

internal static class ActivityKey
{
    /// SHA-256 of the ids, cut to 128 bits: the same in every instance (unlike the in-memory front's seeded hash),
    /// and not open to crafted collisions. Activity ids are unique per conversation, not globally.
    public static Guid Of(string? channelId, string? conversationId, string activityId)
    {
        ArgumentNullException.ThrowIfNull(activityId);
        var text = $"{channelId}\0{conversationId}\0{activityId}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]);
    }
}
