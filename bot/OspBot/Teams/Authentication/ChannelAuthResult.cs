namespace OspBot.Teams.Authentication;

/// The outcome of validating a channel token. FailureReason is for our logs only: callers get a bare 401.
internal sealed record ChannelAuthResult(bool IsValid, string? FailureReason)
{
    public static ChannelAuthResult Valid { get; } = new(true, null);

    public static ChannelAuthResult Fail(string reason) => new(false, reason);
}
