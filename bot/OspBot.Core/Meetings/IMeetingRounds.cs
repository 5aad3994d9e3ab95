namespace OspBot.Meetings;

/// What a steering group meeting means for the quarterly update rounds. The rounds feature answers it (it reads the
/// meetings; Meetings never reads the rounds); without it, meetings stand alone.
internal interface IMeetingRounds
{
    /// A steering group meeting was booked or moved to this London date: its quarter's round follows it.
    Task<RoundPlan?> MeetingPlannedAsync(DateOnly meetingDate, CancellationToken ct);

    /// The round a steering group meeting feeds, for the reminder's "read the updates": the linked one, else the
    /// quarter's newest; null when there is none.
    Task<MeetingRound?> RoundForAsync(DateTimeOffset start, int? linkedRoundId, CancellationToken ct);
}

public sealed record MeetingRound(int RoundId, string QuarterLabel);

internal sealed class NoMeetingRounds : IMeetingRounds
{
    public Task<RoundPlan?> MeetingPlannedAsync(DateOnly meetingDate, CancellationToken ct) => Task.FromResult<RoundPlan?>(null);

    public Task<MeetingRound?> RoundForAsync(DateTimeOffset start, int? linkedRoundId, CancellationToken ct) =>
        Task.FromResult<MeetingRound?>(null);
}
