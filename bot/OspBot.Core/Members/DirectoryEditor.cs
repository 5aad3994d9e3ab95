using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OspBot.Data;

namespace OspBot.Members;

/// The outcome of a secretariat edit to the directory.
public abstract record DirectoryEdit
{
    private DirectoryEdit()
    {
    }

    public sealed record Done(int PersonId, string Message) : DirectoryEdit;

    public sealed record NotFound(string Message) : DirectoryEdit;

    /// The Entra id is already linked to someone else.
    public sealed record Conflict(string Message) : DirectoryEdit;

    public sealed record Refused(string Message) : DirectoryEdit;
}

public sealed record NewPerson(string Name, string? Email = null, string? Organisation = null, string? RoleTitle = null, string? EntraObjectId = null);

/// Person picker rows for the secretariat's cards.
public sealed record PersonSummary(int PersonId, string Name, string? Organisation, string? Email, bool IsLinked)
{
    /// Null: automatic (see ContactChannels).
    public ContactChannel? Channel { get; init; }
}

/// A group and its seats (vacant ones included), for the secretariat's directory card.
public sealed record GroupSeats(string Key, string Name, IReadOnlyList<Seat> Seats);

public sealed record Seat(string PersonName, MembershipRole Role, bool IsVacant);

/// A Teams user who has a personal chat with the bot but matches no person: someone to link. Name: as Teams showed
/// it in their last message (null if Teams sent none).
public sealed record UnmatchedTeamsUser(string EntraObjectId, string? Name, DateTimeOffset LastSeenAt, string? Email = null);

/// The secretariat's edits from Teams: seats in groups, new people, and linking a Teams user to a person.
internal sealed class DirectoryEditor(OspDbContext db, IMemoryCache cache)
{
    private const string NotSecretariat = "Sorry, only the OSP secretariat can change the directory.";

    /// Gives the person this role in the group (adding the seat if new); role null removes the seat.
    public async Task<DirectoryEdit> SetRoleAsync(Actor actor, int personId, string groupKey, MembershipRole? role, CancellationToken ct)
    {
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        var person = await db.People.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == personId, ct);
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Key == groupKey, ct);
        if (person is null || group is null)
        {
            return new DirectoryEdit.NotFound(person is null ? "There is no such person in the directory." : $"There is no group '{groupKey}'.");
        }
        var seat = person.Memberships.SingleOrDefault(m => m.GroupId == group.Id);
        if (role is null)
        {
            if (seat is not null)
            {
                db.Memberships.Remove(seat);
            }
        }
        else if (seat is null)
        {
            person.Memberships.Add(new Membership { GroupId = group.Id, Role = role.Value });
        }
        else
        {
            seat.Role = role.Value;
        }
        await db.SaveChangesAsync(ct);
        Forget(person.EntraObjectId);
        return new DirectoryEdit.Done(person.Id, role is null
            ? $"{person.Name} is no longer in {group.Name}."
            : $"{person.Name} is now {role.Value.ToString().ToLowerInvariant()} of {group.Name}.");
    }

    public async Task<DirectoryEdit> AddPersonAsync(Actor actor, NewPerson person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        if (person.EntraObjectId is { Length: > 0 } aad && await LinkedNameAsync(aad, ct) is { } other)
        {
            return new DirectoryEdit.Conflict($"That Teams account is already linked to {other}.");
        }
        var row = new Person
        {
            Name = person.Name.Trim(),
            Email = person.Email,
            Organisation = person.Organisation,
            RoleTitle = person.RoleTitle,
            EntraObjectId = string.IsNullOrEmpty(person.EntraObjectId) ? null : person.EntraObjectId,
        };
        db.People.Add(row);
        await db.SaveChangesAsync(ct);
        Forget(row.EntraObjectId);
        return new DirectoryEdit.Done(row.Id, $"{row.Name} has been added to the directory.");
    }

    /// Links the Teams user (Entra object id, from the unmatched user's activity) to a directory person.
    public async Task<DirectoryEdit> LinkTeamsUserAsync(Actor actor, int personId, string entraObjectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(entraObjectId);
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return new DirectoryEdit.NotFound("There is no such person in the directory.");
        }
        if (await LinkedNameAsync(entraObjectId, ct, exceptPersonId: personId) is { } other)
        {
            return new DirectoryEdit.Conflict($"That Teams account is already linked to {other}.");
        }
        var previous = person.EntraObjectId;
        person.EntraObjectId = entraObjectId;
        await db.SaveChangesAsync(ct);
        Forget(previous);
        Forget(entraObjectId);
        return new DirectoryEdit.Done(person.Id, $"This Teams account is now linked to {person.Name}.");
    }

    /// How OspBot reaches the person (null: automatic). E-mail needs an address in the directory.
    public async Task<DirectoryEdit> SetChannelAsync(Actor actor, int personId, ContactChannel? channel, CancellationToken ct)
    {
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && !p.IsVacant, ct);
        if (person is null)
        {
            return new DirectoryEdit.NotFound("There is no such person in the directory.");
        }
        if (channel is ContactChannel.Email or ContactChannel.TeamsThenEmail && string.IsNullOrWhiteSpace(person.Email))
        {
            return new DirectoryEdit.NotFound($"{person.Name} has no e-mail address in the directory, so OspBot cannot e-mail them.");
        }
        person.Channel = channel;
        await db.SaveChangesAsync(ct);
        return new DirectoryEdit.Done(person.Id, $"OspBot now reaches {person.Name} by: {ContactChannels.Describe(channel)}.");
    }

    /// Sets (or, when blank, clears) a person's job title, which Appendix 1 of the annual report prints beside their
    /// organisation ("Chief Executive, Oxford City Council").
    public async Task<DirectoryEdit> SetJobTitleAsync(Actor actor, int personId, string? jobTitle, CancellationToken ct)
    {
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return new DirectoryEdit.NotFound("There is no such person in the directory.");
        }
        person.RoleTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
        await db.SaveChangesAsync(ct);
        return new DirectoryEdit.Done(person.Id, person.RoleTitle is { } title
            ? $"{person.Name}'s job title is now \"{title}\"."
            : $"{person.Name} no longer has a job title in the directory.");
    }

    /// Gives the person a new name: a placeholder from the sample directory once the seat's holder is known, or a
    /// correction. The name is required, one line, at most 200 characters.
    public async Task<DirectoryEdit> RenameAsync(Actor actor, int personId, string name, CancellationToken ct)
    {
        if (!await IsSecretariatAsync(actor, ct))
        {
            return new DirectoryEdit.Refused(NotSecretariat);
        }
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return new DirectoryEdit.NotFound("There is no such person in the directory.");
        }
        var old = person.Name;
        person.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        Forget(person.EntraObjectId);
        return new DirectoryEdit.Done(person.Id, $"{old} is now {person.Name}.");
    }

    /// People whose name, organisation or e-mail contains the text (all when empty), for a picker. The directory
    /// is a few dozen people, so it is filtered in memory, where case-insensitive matching is the same on both providers.
    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(string? text, int max, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => !p.IsVacant).OrderBy(p => p.Name)
            .Select(p => new PersonSummary(p.Id, p.Name, p.Organisation, p.Email, p.EntraObjectId != null) { Channel = p.Channel })
            .ToListAsync(ct);
        var t = text?.Trim() ?? "";
        return [.. people.Where(p => t.Length == 0 || Matches(p.Name, t) || Matches(p.Organisation, t) || Matches(p.Email, t)).Take(max)];
    }

    /// Every group with its seats, steering group first, seats by role (chair first) then name.
    public async Task<IReadOnlyList<GroupSeats>> GroupsAsync(CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new { g.Key, g.Name, Seats = g.Memberships.Select(m => new Seat(m.Person!.Name, m.Role, m.Person.IsVacant)).ToList() })
            .ToListAsync(ct);
        return [.. groups.Select(g => new GroupSeats(g.Key, g.Name,
            [.. g.Seats.OrderByDescending(s => s.Role).ThenBy(s => s.PersonName, StringComparer.OrdinalIgnoreCase)]))];
    }

    /// Teams users seen in a personal chat whose Entra id no person has, most recently seen first.
    public async Task<IReadOnlyList<UnmatchedTeamsUser>> UnmatchedTeamsUsersAsync(int max, CancellationToken ct)
    {
        var linked = db.People.Where(p => p.EntraObjectId != null).Select(p => p.EntraObjectId);
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.ConversationType == "personal" && c.UserAadObjectId != null && !linked.Contains(c.UserAadObjectId))
            .Select(c => new { Aad = c.UserAadObjectId!, c.UserName, c.LastSeenAt, c.UserEmail })
            .ToListAsync(ct);
        // Ordered in memory: SQLite cannot ORDER BY a DateTimeOffset column.
        return [.. rows.GroupBy(r => r.Aad)
            .Select(g => g.OrderByDescending(r => r.LastSeenAt).First())
            .Select(r => new UnmatchedTeamsUser(r.Aad, r.UserName, r.LastSeenAt, r.UserEmail))
            .OrderByDescending(u => u.LastSeenAt).Take(max)];
    }

    private static bool Matches(string? field, string text) => field?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private async Task<bool> IsSecretariatAsync(Actor actor, CancellationToken ct) =>
        await Caller.ResolveAsync(db, actor, ct) is { IsSecretariat: true };

    private Task<string?> LinkedNameAsync(string entraObjectId, CancellationToken ct, int? exceptPersonId = null) =>
        db.People.AsNoTracking().Where(p => p.EntraObjectId == entraObjectId && p.Id != exceptPersonId)
            .Select(p => p.Name).FirstOrDefaultAsync(ct);

    /// MemberDirectory caches by Entra id; an edit must show at once, not after its cache expires.
    private void Forget(string? entraObjectId)
    {
        if (entraObjectId is not null)
        {
            cache.Remove((typeof(MemberDirectory), entraObjectId));
        }
    }
}
