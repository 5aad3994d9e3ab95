using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Meetings;

/// Whether a person's Outlook automatic replies are on, so a chaser or meeting reminder is not sent to someone away
/// (the secretariat sees "out of office" instead). Scoped: one answer per person per dispatch run. Without Graph
/// there is no check; when Graph cannot tell (a mailbox it cannot read), the message goes as usual.
internal sealed class OutOfOfficeCheck(
    OspDbContext db, MeetingCalendarAvailability calendars, TimeProvider clock, ILogger<OutOfOfficeCheck> logger) : IAbsenceCheck
{
    private readonly Dictionary<int, bool> _away = [];
    private bool _refused;

    public async Task<bool> IsAwayAsync(int personId, CancellationToken ct)
    {
        if (calendars.Calendar is not { } calendar || _refused)
        {
            return false;
        }
        if (_away.TryGetValue(personId, out var cached))
        {
            return cached;
        }
        var who = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => p.EntraObjectId ?? p.Email).SingleOrDefaultAsync(ct);
        var away = false;
        if (!string.IsNullOrWhiteSpace(who))
        {
            try
            {
                away = (await calendar.GetAutomaticRepliesAsync(who, ct)).IsOnAt(clock.GetUtcNow());
            }
            catch (CalendarException e)
            {
                // A missing permission fails for everyone alike: stop asking for the rest of this run.
                _refused = e.Reason is CalendarFailure.Unauthorized or CalendarFailure.Forbidden;
                logger.AutomaticRepliesUnreadable(personId, e.Message);
            }
        }
        _away[personId] = away;
        return away;
    }
}
