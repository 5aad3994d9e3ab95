using Microsoft.EntityFrameworkCore;
using OspBot.Members;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    /// Every round, newest quarter first, with its submitted count: the secretariat's way into past rounds.
    public async Task<Lookup<IReadOnlyList<RoundSummary>>> RoundsAsync(Actor actor, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<IReadOnlyList<RoundSummary>>.Refused(refused.Refusal);
        }
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.OpenedBy).Include(r => r.ClosedBy)
            .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.Quarter).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var counts = await db.SubGroupUpdates.AsNoTracking()
            .GroupBy(u => u.RoundId)
            .Select(g => new { RoundId = g.Key, All = g.Count(), Submitted = g.Count(u => u.SubmittedVersion != null) })
            .ToDictionaryAsync(c => c.RoundId, ct);
        return new Lookup<IReadOnlyList<RoundSummary>>.Found([.. rounds.Select(r => new RoundSummary(
            ToView(r), counts.GetValueOrDefault(r.Id)?.Submitted ?? 0, counts.GetValueOrDefault(r.Id)?.All ?? 0))]);
    }

    /// The status of the quarter's round: the one not closed if there is one, else the one opened last.
    /// Null when the caller may see rounds but the quarter never had one.
    public async Task<Lookup<RoundStatusView>?> StatusAsync(Actor actor, FinancialQuarter quarter, CancellationToken ct)
    {
        if (await RefuseUnlessSecretariatAsync(actor, ct) is { } refused)
        {
            return new Lookup<RoundStatusView>.Refused(refused.Refusal);
        }
        var roundId = await db.Rounds.AsNoTracking()
            .Where(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter)
            .OrderBy(r => r.State == RoundState.Closed).ThenByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return roundId is { } id ? await StatusAsync(actor, id, ct) : null;
    }
}
