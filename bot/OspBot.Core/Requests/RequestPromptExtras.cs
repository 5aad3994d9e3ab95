using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Requests;

/// The register's part of a sub-group's prompt card: its requests still open from earlier quarters, and those
/// answered (done or declined) for last quarter, with what the OSP did; and the lead's "still stands?" answers,
/// each a new version of the request.
internal sealed class RequestPromptExtras(OspDbContext db, TimeProvider clock) : IPromptExtras
{
    public async Task<IReadOnlyList<EarlierRequest>> EarlierRequestsAsync(int groupId, FinancialQuarter quarter, CancellationToken ct)
    {
        var (year, q) = (quarter.StartYear, quarter.Quarter);
        var before = await db.Set<RequestEntry>().AsNoTracking()
            .Where(r => r.GroupId == groupId && (r.FinancialYearStart < year || (r.FinancialYearStart == year && r.Quarter < q)))
            .OrderBy(r => r.FinancialYearStart).ThenBy(r => r.Quarter).ThenBy(r => r.Position)
            .ToListAsync(ct);
        var last = before.Count == 0 ? 0 : before.Max(r => r.FinancialYearStart * 4 + r.Quarter);
        return [.. before
            .Where(r => r.IsOpen || r.FinancialYearStart * 4 + r.Quarter == last)
            .Select(r => new EarlierRequest(r.Id, new FinancialQuarter(r.FinancialYearStart, r.Quarter).Label, r.Text,
                RequestRules.Describe(r.Status), r.Response, r.StillStands, r.IsOpen))];
    }

    /// The one split rule, the same the intake applies to the submitted section.
    public IReadOnlyList<string>? SplitRequests(string? section4) => RequestRules.Split(section4);

    public async Task RecordStillStandsAsync(Actor actor, IReadOnlyDictionary<int, bool> answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0 || await Caller.ResolveAsync(db, actor, ct) is not { PersonId: { } personId } caller)
        {
            return;
        }
        var ids = answers.Keys.ToList();
        var now = clock.GetUtcNow();
        foreach (var entry in await db.Set<RequestEntry>().Include(r => r.Versions).Where(r => ids.Contains(r.Id)).ToListAsync(ct))
        {
            // Only the sub-group's own seats speak for its requests; an unchanged answer is not a change.
            if (caller.RoleIn(entry.GroupId) is not (MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy)
                || entry.StillStands == answers[entry.Id])
            {
                continue;
            }
            entry.StillStands = answers[entry.Id];
            entry.Revision++;
            entry.UpdatedAt = now;
            entry.Versions.Add(RequestRegister.VersionOf(entry, personId, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
