using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OspBot.Data;

namespace OspBot.Members;

/// Who someone is in the OSP, as the bot needs it to decide what to offer them.
public sealed record PersonRoles(int PersonId, string Name, bool IsSecretariat, bool IsOspChair, IReadOnlyList<GroupRole> Memberships);

public sealed record GroupRole(string GroupKey, string GroupName, GroupKind Kind, MembershipRole Role);

internal sealed class MemberDirectory(OspDbContext db, IMemoryCache cache)
{
    // Asked on every turn (the caller's roles); a directory edit showing up half a minute late is fine.
    internal static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// The person signed in to Teams with this Entra object id, or null when the directory does not know them.
    public async Task<PersonRoles?> FindByEntraObjectIdAsync(string aadObjectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(aadObjectId);
        var key = (typeof(MemberDirectory), aadObjectId);
        if (cache.TryGetValue(key, out PersonRoles? cached))
        {
            return cached;
        }

        var person = await db.People.AsNoTracking()
            .Where(p => p.EntraObjectId == aadObjectId)
            .Select(p => new PersonRoles(
                p.Id,
                p.Name,
                p.IsSecretariat,
                p.IsOspChair,
                p.Memberships
                    .OrderBy(m => m.Group!.Kind).ThenBy(m => m.Group!.Name)
                    .Select(m => new GroupRole(m.Group!.Key, m.Group.Name, m.Group.Kind, m.Role))
                    .ToList()))
            .SingleOrDefaultAsync(ct);

        cache.Set(key, person, CacheFor);
        return person;
    }
}
