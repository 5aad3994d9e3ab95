namespace OspBot.Meetings;

/// What the upkeep job does every few minutes: books in the calendar the meetings an outage left waiting (same
/// transaction id, so never a second event), then installs OspBot for members whose messages found no chat.
internal sealed class MeetingUpkeep(MeetingScheduler scheduler, MemberAppInstaller installer)
{
    public async Task<(int Booked, int Installed)> RunAsync(CancellationToken ct)
    {
        var booked = await scheduler.RetryPendingAsync(ct);
        var installed = await installer.InstallForUnreachableAsync(ct);
        return (booked, installed);
    }
}
