using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Outbox;

namespace OspBot.Requests;

/// Takes each submitted update's section 4 into the register, one request per bullet or paragraph. It runs before
/// every outbox dispatch (so within a minute of a submission, without the rounds knowing about requests) and before
/// the register is read. A resubmission adds the requests it adds and drops the ones it drops, unless the
/// secretariat has already worked on them: what someone has acted on is never lost.
internal sealed class RequestIntake(OspDbContext db, TimeProvider clock) : IDeliveryPlanner
{
    public Task PlanDueAsync(CancellationToken ct) => TakeSubmittedAsync(ct);

    public async Task TakeSubmittedAsync(CancellationToken ct)
    {
        var submitted = await db.SubGroupUpdates.AsNoTracking()
            .Where(u => u.SubmittedVersion != null)
            .Select(u => new
            {
                u.Id,
                u.GroupId,
                u.Round!.FinancialYearStart,
                u.Round.Quarter,
                u.SubmittedAt,
                Section = db.UpdateVersions.Where(v => v.SubGroupUpdateId == u.Id && v.Number == u.SubmittedVersion).Select(v => v.Requests).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var taken = (await db.Set<RequestEntry>().Include(r => r.Versions).ToListAsync(ct)).ToLookup(r => r.SubGroupUpdateId);
        foreach (var u in submitted)
        {
            var texts = RequestRules.Split(u.Section);
            var mine = taken[u.Id].ToList();
            foreach (var gone in mine.Where(r => r.Versions.Count <= 1 && !texts.Contains(r.Text)))
            {
                db.Remove(gone);
            }
            for (var i = 0; i < texts.Count; i++)
            {
                if (mine.FirstOrDefault(r => r.Text == texts[i]) is { } kept)
                {
                    kept.Position = i;
                    continue;
                }
                var at = u.SubmittedAt ?? clock.GetUtcNow();
                var entry = new RequestEntry
                {
                    SubGroupUpdateId = u.Id,
                    GroupId = u.GroupId,
                    FinancialYearStart = u.FinancialYearStart,
                    Quarter = u.Quarter,
                    Position = i,
                    Text = texts[i],
                    TextKey = KeyOf(texts[i]),
                    Status = RequestStatus.New,
                    CreatedAt = at,
                    UpdatedAt = at,
                };
                entry.Versions.Add(new RequestVersion { Number = 1, Status = RequestStatus.New, ChangedAt = at });
                db.Add(entry);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance took the same update at the same moment (the unique text key): its rows stand.
            db.ChangeTracker.Clear();
        }
    }

    private static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
