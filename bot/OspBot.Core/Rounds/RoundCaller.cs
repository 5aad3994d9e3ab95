using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Rounds;

/// Who a Teams user is to the rounds: unknown, the secretariat, and the updates they chair, lead or deputise
/// for in rounds still taking them (the newest round per sub-group): what the typed commands need to decide
/// which cards to show.
internal sealed record RoundCaller(bool Matched, bool IsSecretariat, IReadOnlyList<int> CurrentUpdateIds, bool HoldsSeat)
{
    public static readonly RoundCaller Unknown = new(false, false, [], false);
}

internal sealed class RoundCallers(OspDbContext db)
{
    public async Task<RoundCaller> FindAsync(string? aadObjectId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return RoundCaller.Unknown;
        }
        var person = await db.People.AsNoTracking()
            .Where(p => p.EntraObjectId == aadObjectId && !p.IsVacant)
            .Select(p => new
            {
                p.IsSecretariat,
                Groups = p.Memberships
                    .Where(m => m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead || m.Role == MembershipRole.Deputy)
                    .Select(m => m.GroupId).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return RoundCaller.Unknown;
        }
        var updates = await db.SubGroupUpdates.AsNoTracking()
            .Where(u => person.Groups.Contains(u.GroupId) && u.Round!.State != RoundState.Closed)
            .Select(u => new { u.Id, u.GroupId, u.RoundId })
            .ToListAsync(ct);
        var current = updates.GroupBy(u => u.GroupId).Select(g => g.MaxBy(u => u.RoundId)!.Id).Order().ToList();
        return new RoundCaller(true, person.IsSecretariat, current, person.Groups.Count > 0);
    }
}
