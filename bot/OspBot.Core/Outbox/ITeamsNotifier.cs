using System.Text.Json;

namespace OspBot.Outbox;

/// Sends a proactive card into a stored conversation. The boundary jobs use (and tests fake): it says whether the
/// message certainly arrived, certainly did not, or may have; it never throws for an answer Teams gave.
public interface ITeamsNotifier
{
    /// <param name="beforeSend">Asked once, after any wait for Teams' rate limits and just before the message leaves;
    /// false withdraws it (nothing is sent, the outcome is <see cref="SendOutcome.Withdrawn"/>). A caller that keeps a
    /// delivery record marks it "sending" here, at the last moment, so that a crash leaves in doubt only messages that
    /// were really on their way, not those still queued behind the rate limits.</param>
    Task<SendOutcome> SendCardAsync(
        string serviceUrl, string conversationId, JsonElement card, string summary, BeforeSend? beforeSend, CancellationToken ct);
}

/// See <see cref="ITeamsNotifier.SendCardAsync"/>: true lets the message go.
public delegate Task<bool> BeforeSend(CancellationToken ct);

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

    /// The sender's BeforeSend answered false when the message was about to leave: nothing was sent.
    public sealed record Withdrawn : SendOutcome;

    /// Certainly not delivered; worth trying again after RetryAfter.
    public sealed record Failed(string Error, TimeSpan RetryAfter) : SendOutcome;
}
