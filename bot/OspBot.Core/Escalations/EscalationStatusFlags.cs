using OspBot.Data;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Escalations;

/// The escalations' answer to the rounds' status card and digest: the quarter's flags not dismissed, for the
/// secretariat only (the OSP chair's digest and a lead see none).
internal sealed class EscalationStatusFlags(OspDbContext db, EscalationFinder finder) : IStatusFlags
{
    public async Task<IReadOnlyList<StatusFlag>> OpenFlagsAsync(Actor actor, FinancialQuarter quarter, CancellationToken ct)
    {
        if (actor.IsScheduler || await db.RefuseUnlessSecretariatAsync(actor, ct) is not null)
        {
            return [];
        }
        return [.. (await finder.RaisedAsync(ct))
            .Where(f => f.Latest == quarter && f.Decision != EscalationDecisionKind.Dismissed)
            .Select(f => new StatusFlag(f.Key, f.GroupName, f.Summary, f.Decision == EscalationDecisionKind.OnAgenda))];
    }
}
