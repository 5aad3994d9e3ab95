using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;
using OspBot.Outbox;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// Each sub-group signs off its part of the annual report: drafted with the report's own drafting, sent to its
/// approver through the outbox, edited (every save a new version), approved, chased, and finally locked.
internal sealed partial class PartSignOffService(
    OspDbContext db, ReportCompilationService compilations, DeliveryQueue deliveries, SubGroupSettings standing, TimeProvider clock, IOptions<ReportOptions> options)
{
    /// Drafts every sub-group's part of <paramref name="year"/> and queues it to its approver, once per year: a second
    /// start (another compile) leaves the parts and their edits as they are.
    public async Task<SignOffStarted?> StartAsync(Actor actor, int year, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is not { IsSecretariat: true } || await db.SignOffYears.AnyAsync(y => y.FinancialYear == year, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var input = await compilations.GatherAsync(year, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup).ToDictionaryAsync(g => g.Name, g => g.Id, ct);
        db.SignOffYears.Add(new SignOffYear
        {
            FinancialYear = year,
            StartedAt = now,
            StartedByName = caller.Name,
            DueAt = now.AddDays(options.Value.SignOffDays),
        });
        List<string> noApprover = [];
        List<ReportPart> parts = [];
        foreach (var g in input.SubGroups.Where(g => groups.ContainsKey(g.Name)))
        {
            if (await ApproverAsync(groups[g.Name], ct) is not { } approver)
            {
                noApprover.Add(g.Name);
                continue;
            }
            var draft = new ReportPartVersion { Number = 1, SavedByName = "OspBot (draft)", SavedAt = now, Basis = Basis(g) };
            PartSections.Draft(AnnualReportCompiler.Draft(input, g), input.YearLabel).CopyTo(draft);
            parts.Add(new ReportPart
            {
                FinancialYear = year,
                GroupId = groups[g.Name],
                ApproverPersonId = approver,
                State = PartState.Waiting,
                CurrentVersion = 1,
                Versions = [draft],
            });
        }
        db.ReportParts.AddRange(parts);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another secretariat member started the same year at the same moment; theirs stands.
            db.ChangeTracker.Clear();
            return null;
        }

        await deliveries.QueueAsync([.. parts.Select(p => Send(DeliveryKind.PartForSignOff, p.Id, p.ApproverPersonId, $"part:{p.Id}:{p.ApproverPersonId}", now))], ct);
        return new SignOffStarted(year, parts.Count, noApprover);
    }

    /// The chair, or the lead when the sub-group's setting says so; the other when that seat is empty.
    private async Task<int?> ApproverAsync(int groupId, CancellationToken ct)
    {
        var wanted = await standing.ApprovedByAsync(groupId, ct);
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead) && !m.Person!.IsVacant)
            .OrderBy(m => m.Id).Select(m => new { m.PersonId, m.Role }).ToListAsync(ct);
        return (seats.FirstOrDefault(s => s.Role == wanted) ?? seats.FirstOrDefault())?.PersonId;
    }

    /// Which submitted version of each quarter's update a draft was made from: "1:2;2:1;3:1".
    internal static string Basis(SubGroupInput group) =>
        string.Join(';', group.Updates.OrderBy(u => u.Quarter).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Quarter}:{u.Version}")));

    /// The quarters whose update differs between two bases ("Q4"): submitted again, or new.
    internal static IReadOnlyList<string> Changed(string? then, string now)
    {
        var before = Parse(then);
        return [.. Parse(now).Where(q => !before.TryGetValue(q.Key, out var v) || v != q.Value).Select(q => $"Q{q.Key}")];
    }

    private static Dictionary<string, string> Parse(string? basis) =>
        (basis ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':'))
            .Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static Delivery Send(DeliveryKind kind, int partId, int personId, string key, DateTimeOffset now)
    {
        var d = Delivery.Pending(kind, personId, key, now);
        d.ReportPartId = partId;
        return d;
    }

    private async Task<IReadOnlyList<Contact>> SecretariatAsync(CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.IsSecretariat && !p.IsVacant).OrderBy(p => p.Name)
            .Select(p => new Contact(p.Name, p.Email)).ToListAsync(ct);

    private static Refusal Refuse(RefusalReason reason, string message, IReadOnlyList<Contact> askWhom)
    {
        TurnOutcome.MarkRefused();
        return new Refusal(reason, message, askWhom);
    }
}
