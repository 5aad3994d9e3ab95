using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// Reads and rules the round services share: refusals, a round as a view, who is prompted, people's names.
internal static class RoundQueries
{
    /// A polite no in the rounds' words, naming the secretariat where asking them helps.
    public static async Task<Refusal> RefuseAsync(this OspDbContext db, RefusalReason reason, CancellationToken ct)
    {
        TurnOutcome.MarkRefused();
        var askWhom = reason is RefusalReason.NotMatched or RefusalReason.Locked or RefusalReason.RoundClosed or RefusalReason.NoRole
            ? await SecretariatAsync(db, ct)
            : [];
        var who = askWhom.Count == 0 ? "the OSP secretariat" : string.Join(" or ", askWhom.Select(c => c.Name));
        var message = reason switch
        {
            RefusalReason.NotMatched =>
                $"Sorry, I don't know who you are yet: your Teams account isn't linked to anyone in the OSP directory. {who} can link it.",
            RefusalReason.NotFound => "Sorry, I can't find that update or round any more.",
            RefusalReason.NoRole =>
                $"Sorry, only the chair, leads and deputies of this sub-group can work on its update. If you should be one, please ask {who}.",
            RefusalReason.DeputyCannotSubmit => "Deputies can save a draft; the chair or a lead submits it.",
            RefusalReason.NotChair => "Only the sub-group's chair can approve its update.",
            RefusalReason.NothingToApprove => "There is no submitted update waiting for approval.",
            RefusalReason.Locked =>
                $"The deadline has passed and this update was already submitted, so it is locked. To change it, ask {who} to reopen it.",
            RefusalReason.RoundClosed => $"This round has been closed and accepts no more changes. Please contact {who}.",
            RefusalReason.NotSecretariat => "Sorry, only the OSP secretariat can do that.",
            RefusalReason.StillOpen =>
                "There is nothing to reopen yet: until the deadline the sub-group can still change its submitted update itself.",
            _ => "Sorry, that isn't possible.",
        };
        return new Refusal(reason, message, askWhom);
    }

    /// Null for the secretariat (and the scheduler); the refusal for anyone else.
    public static async Task<Refusal?> RefuseUnlessSecretariatAsync(this OspDbContext db, Actor actor, CancellationToken ct) =>
        await Caller.ResolveAsync(db, actor, ct) switch
        {
            null => await db.RefuseAsync(RefusalReason.NotMatched, ct),
            { IsSecretariat: false } => await db.RefuseAsync(RefusalReason.NotSecretariat, ct),
            _ => null,
        };

    public static bool IsPastDeadline(UpdateRound round, DateTimeOffset now) =>
        round.State != RoundState.Open || now >= round.DeadlineAt;

    public static async Task<RoundView> RoundViewAsync(this OspDbContext db, int roundId, CancellationToken ct) =>
        ToView(await db.Rounds.AsNoTracking().Include(x => x.OpenedBy).Include(x => x.ClosedBy).SingleAsync(x => x.Id == roundId, ct));

    public static RoundView ToView(UpdateRound r) => new()
    {
        RoundId = r.Id,
        Quarter = new FinancialQuarter(r.FinancialYearStart, r.Quarter),
        MeetingDate = r.MeetingDate,
        PromptAt = r.PromptAt,
        DeadlineAt = r.DeadlineAt,
        ChaserAts = r.ChaserAts,
        State = r.State,
        OpenedBy = r.OpenedBy?.Name ?? Caller.Scheduler.Name,
        OpenedAt = r.OpenedAt,
        ClosedBy = r.ClosedAt is null ? null : r.ClosedBy?.Name ?? Caller.Scheduler.Name,
        ClosedAt = r.ClosedAt,
    };

    /// Chairs and leads of a group, the people prompted and chased; vacant seats and deputies are not.
    public static IQueryable<Membership> Recipients(this OspDbContext db, int groupId) =>
        db.Memberships.Where(m => m.GroupId == groupId
            && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead) && !m.Person!.IsVacant);

    /// Names as the cards show them: a "(placeholder)" name reads as the seat it stands for (PersonNames.Shown).
    public static async Task<Dictionary<int, string>> NamesAsync(this OspDbContext db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : (await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct))
                .ToDictionary(p => p.Key, p => PersonNames.Shown(p.Value));
    }

    /// A delivery of one of the rounds' kinds, due at dueAt.
    public static Delivery NewDelivery(DeliveryKind kind, int roundId, int? updateId, int personId, string key, DateTimeOffset dueAt)
    {
        var delivery = Delivery.Pending(kind, personId, key, dueAt);
        delivery.RoundId = roundId;
        delivery.SubGroupUpdateId = updateId;
        return delivery;
    }

    private static async Task<IReadOnlyList<Contact>> SecretariatAsync(OspDbContext db, CancellationToken ct) =>
        await db.People.AsNoTracking()
            .Where(p => p.IsSecretariat && !p.IsVacant)
            .OrderBy(p => p.Name)
            .Select(p => new Contact(p.Name, p.Email))
            .ToListAsync(ct);
}
