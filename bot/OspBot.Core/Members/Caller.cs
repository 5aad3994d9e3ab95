using Microsoft.EntityFrameworkCore;
using OspBot.Data;

namespace OspBot.Members;

/// An <see cref="Actor"/> resolved against the directory: who they are and their role in each group.
internal sealed record Caller(int? PersonId, string Name, bool IsSecretariat, bool IsOspChair, IReadOnlyDictionary<int, MembershipRole> Roles)
{
    public static readonly Caller Scheduler = new(null, "OspBot", IsSecretariat: true, IsOspChair: false, new Dictionary<int, MembershipRole>());

    public MembershipRole? RoleIn(int groupId) => Roles.TryGetValue(groupId, out var role) ? role : null;

    /// Null when the actor is a Teams user the directory does not know (or a vacant seat).
    public static async Task<Caller?> ResolveAsync(OspDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsScheduler)
        {
            return Scheduler;
        }
        if (actor.PersonId is null && actor.EntraObjectId is null)
        {
            return null;
        }
        var people = db.People.AsNoTracking().Where(p => !p.IsVacant);
        people = actor.PersonId is { } id
            ? people.Where(p => p.Id == id)
            : people.Where(p => p.EntraObjectId == actor.EntraObjectId);
        var person = await people
            .Select(p => new { p.Id, p.Name, p.IsSecretariat, p.IsOspChair, Roles = p.Memberships.Select(m => new { m.GroupId, m.Role }).ToList() })
            .SingleOrDefaultAsync(ct);
        return person is null
            ? null
            : new Caller(person.Id, person.Name, person.IsSecretariat, person.IsOspChair, person.Roles.ToDictionary(r => r.GroupId, r => r.Role));
    }
}
