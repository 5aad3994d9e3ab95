namespace OspBot.Meetings;

/// The steering group's meeting pack for a member's reminder. The meeting pack feature answers it (it reads the
/// meetings; Meetings never reads the packs); without it, reminders carry no pack.
internal interface IMeetingPackLink
{
    /// An expiring download link of the newest pack for this meeting, issued to this person; null when there is none.
    Task<Uri?> ForAsync(int meetingId, int personId, CancellationToken ct);
}

internal sealed class NoMeetingPackLink : IMeetingPackLink
{
    public Task<Uri?> ForAsync(int meetingId, int personId, CancellationToken ct) => Task.FromResult<Uri?>(null);
}
