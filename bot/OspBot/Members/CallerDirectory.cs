using Microsoft.EntityFrameworkCore;
using OspBot.Commands;
using OspBot.Data;

namespace OspBot.Members;

/// Who a Teams user is to the OSP, with every role they hold, from the directory (cached for half a minute).
internal sealed class CallerDirectory(MemberDirectory directory, OspDbContext db) : ICallerDirectory
{
    public async Task<CommandCaller> FindAsync(string? entraObjectId, string? userId, string? teamsName, CancellationToken ct)
    {
        var person = entraObjectId is { Length: > 0 } aad ? await directory.FindByEntraObjectIdAsync(aad, ct) : null;
        if (person is null)
        {
            return new CommandCaller { EntraObjectId = entraObjectId, UserId = userId, DisplayName = teamsName, Roles = Roles.Anyone };
        }
        var seats = person.Memberships.Where(m => m.Kind == GroupKind.SubGroup).ToList();
        var roles = Roles.Anyone | Roles.Member
            | (person.IsSecretariat ? Roles.Secretariat : Roles.None)
            | (person.IsOspChair ? Roles.OspChair : Roles.None)
            | (seats.Any(m => m.Role == MembershipRole.Chair) ? Roles.Chair : Roles.None)
            | (seats.Any(m => m.Role == MembershipRole.Lead) ? Roles.Lead : Roles.None)
            | (seats.Any(m => m.Role == MembershipRole.Deputy) ? Roles.Deputy : Roles.None);
        return new CommandCaller
        {
            EntraObjectId = entraObjectId,
            UserId = userId,
            DisplayName = person.Name,
            PersonId = person.PersonId,
            Roles = roles,
            SubGroupsLed = [.. seats.Where(m => m.Role is MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy).Select(m => m.GroupName)],
            Groups = [.. person.Memberships.Select(m => m.GroupName)],
        };
    }

    public async Task<IReadOnlyList<string>> SecretariatNamesAsync(CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.IsSecretariat && !p.IsVacant).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
}

internal static class CommandCallerExtensions
{
    /// The caller as the services know them; only for commands that need someone the directory knows.
    public static Actor ToActor(this CommandCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.EntraObjectId is { Length: > 0 } aad
            ? Actor.FromTeams(aad)
            : throw new InvalidOperationException("The caller has no Entra object id.");
    }
}
