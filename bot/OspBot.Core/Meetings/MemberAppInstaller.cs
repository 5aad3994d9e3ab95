using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Meetings;

/// Members who never installed OspBot cannot get prompts, chasers or reminders. With Graph and Graph:TeamsAppId,
/// OspBot installs itself for each of them (Teams then sends the install's conversationUpdate, which stores their
/// chat) and tries the deliveries that found no chat once more after Meetings:InstallGrace. Without it they stay
/// Unreachable and MeetingQueries.MembersWithoutAppAsync lists them for the secretariat.
internal sealed class MemberAppInstaller(
    OspDbContext db, MeetingCalendarAvailability calendars, TimeProvider clock, IOptions<MeetingOptions> options, ILogger<MemberAppInstaller> logger)
{
    /// Returns how many people OspBot was installed for (or found already installed).
    public async Task<int> InstallForUnreachableAsync(CancellationToken ct)
    {
        if (calendars.Calendar is not { } calendar || calendars.TeamsAppId is not { } appId)
        {
            return 0;
        }
        // Attempts <= 1: only the first claim's "no chat"; a delivery retried once and still without a chat stays unreachable.
        var stuck = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Unreachable && d.LastError == DeliveryReasons.AppNotInstalled
                && d.Attempts <= 1 && d.Person!.EntraObjectId != null && !d.Person.IsVacant)
            .Select(d => new { d.Id, d.PersonId, d.Person!.EntraObjectId })
            .ToListAsync(ct);
        var installed = 0;
        foreach (var person in stuck.GroupBy(d => (d.PersonId, d.EntraObjectId!)))
        {
            var ids = person.Select(d => d.Id).ToList();
            var (personId, aad) = person.Key;
            var hasChat = await db.Conversations.AnyAsync(
                c => c.UserAadObjectId == aad && c.ConversationType == "personal" && c.UnreachableSince == null, ct);
            string outcome;
            try
            {
                outcome = hasChat ? "chat already stored" : (await calendar.InstallAppForUserAsync(aad, appId, ct)).ToString();
            }
            catch (CalendarException e)
            {
                logger.AppInstallFailed(personId, e.Message);
                await Deliveries(ids).ExecuteUpdateAsync(u => u.SetProperty(
                    d => d.LastError, Truncate($"{DeliveryReasons.AppNotInstalled}; installing it failed: {e.Message}")), ct);
                continue;
            }
            var retryAt = clock.GetUtcNow() + (hasChat ? TimeSpan.Zero : options.Value.InstallGrace);
            var retried = await Deliveries(ids).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.DueAt, retryAt)
                .SetProperty(d => d.LastError, DeliveryReasons.InstallingApp), ct);
            logger.AppInstalledForPerson(personId, outcome, retried);
            installed++;
        }
        return installed;
    }

    private IQueryable<Delivery> Deliveries(List<int> ids) =>
        db.Deliveries.Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Unreachable && d.LastError == DeliveryReasons.AppNotInstalled);

    private static string Truncate(string text) => text.Length <= 512 ? text : string.Concat(text.AsSpan(0, 509), "...");
}
