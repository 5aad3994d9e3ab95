using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Meetings;

namespace OspBot.MeetingPack;

/// The newest pack built for a steering group meeting (or for the round it feeds), as a link for one member's reminder.
internal sealed class MeetingPackReminderLink(OspDbContext db, MeetingPackLinks links) : IMeetingPackLink
{
    public async Task<Uri?> ForAsync(int meetingId, int personId, CancellationToken ct)
    {
        var roundId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.RoundId).SingleOrDefaultAsync(ct);
        var packId = await db.Set<MeetingPackVersion>()
            .Where(p => p.MeetingId == meetingId || (roundId != null && p.RoundId == roundId))
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return packId is { } id ? links.Create(id, personId).Url : null;
    }
}
