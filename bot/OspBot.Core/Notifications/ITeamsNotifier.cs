using System.Text.Json;

namespace OspBot.Notifications;

/// Sends a proactive card into a stored conversation. The boundary jobs use (and tests fake): it says whether the
/// message certainly arrived, certainly did not, or may have; it never throws for an answer Teams gave.
public interface ITeamsNotifier
{
    Task<SendOutcome> SendCardAsync(string serviceUrl, string conversationId, JsonElement card, string summary, CancellationToken ct);
}

/// How a proactive send ended.
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    public sealed record Sent(string? ActivityId) : SendOutcome;

    /// Teams will not take messages for this conversation (app removed, blocked, not found): do not retry.
    public sealed record Unreachable(string Reason) : SendOutcome;

    /// The request may have reached Teams (network failure or server error after it went out): do not resend.
    public sealed record Ambiguous(string Error) : SendOutcome;

    /// Certainly not delivered; worth trying again after RetryAfter.
    public sealed record Failed(string Error, TimeSpan RetryAfter) : SendOutcome;
}
