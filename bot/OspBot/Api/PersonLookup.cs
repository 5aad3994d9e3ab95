using OspBot.Data;
using OspBot.Members;

namespace OspBot.Api;

/// Which directory person a Teams user is, for what needs the person's id rather than their Entra id: a signed
/// download link, or a person's own meeting reminder rebuilt after a button.
internal sealed class PersonLookup(OspDbContext db)
{
    public async Task<int?> PersonIdAsync(string? aadObjectId, CancellationToken ct) =>
        string.IsNullOrEmpty(aadObjectId) ? null : (await Caller.ResolveAsync(db, Actor.FromTeams(aadObjectId), ct))?.PersonId;
}
