using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Rounds;

/// A sub-group as its card names it: the key the buttons carry and the name people read.
public sealed record SubGroupName(string Key, string Name);

/// What "history {typed}" may mean: the sub-groups the words match, and those the caller may read (for a picker
/// when the match is not exactly one).
public sealed record SubGroupChoice(IReadOnlyList<SubGroupName> Matches, IReadOnlyList<SubGroupName> Readable);

/// Finds the sub-group a person means by the words they typed (<see cref="GroupNames"/>).
internal sealed class SubGroupFinder(OspDbContext db)
{
    public async Task<Lookup<SubGroupChoice>> FindAsync(Actor actor, string typed, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is null)
        {
            return new Lookup<SubGroupChoice>.Refused(await db.RefuseAsync(RefusalReason.NotMatched, ct));
        }
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name).ToListAsync(ct);
        var matches = GroupNames.Match(groups, typed, g => g.Key, g => g.Name);
        return new Lookup<SubGroupChoice>.Found(new SubGroupChoice(
            [.. matches.Select(Name)],
            [.. groups.Where(g => UpdateViews.CanRead(caller, g.Id)).Select(Name)]));
    }

    private static SubGroupName Name(Group g) => new(g.Key, g.Name);
}
