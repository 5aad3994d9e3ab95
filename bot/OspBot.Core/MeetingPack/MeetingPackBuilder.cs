using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Escalations;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

public sealed record BuiltPack(int PackId, int Version, string QuarterLabel, string FileName, Uri? SharePointUrl = null, string? PublishError = null);

/// Builds the steering group's meeting pack for the newest round and keeps it as a new version; and hands a kept
/// pack to the secretariat or a member of the steering group.
/// With Graph, each pack is also uploaded by the annual report's publisher, next to the annual reports.
internal sealed class MeetingPackBuilder(
    OspDbContext db, RequestRegister register, EscalationFinder escalations, IEnumerable<IReportPublisher> publishers, TimeProvider clock)
{
    public async Task<Lookup<BuiltPack>> BuildAsync(Actor actor, CancellationToken ct)
    {
        if (await RoundQueries.RefuseUnlessSecretariatAsync(db, actor, ct) is { } refusal)
        {
            return new Lookup<BuiltPack>.Refused(refusal);
        }
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.Quarter)
            .ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return new Lookup<BuiltPack>.Refused(new Refusal(RefusalReason.NotFound, "There is no update round yet, so there is nothing to put in a meeting pack.", []));
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        return new Lookup<BuiltPack>.Found(await BuildAsync(round, caller?.PersonId, ct));
    }

    /// The deadline's job: a first pack for each round whose deadline has passed and that has none yet.
    public async Task<IReadOnlyList<BuiltPack>> BuildDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Rounds.AsNoTracking()
            .Where(r => r.DeadlineAt <= now && !db.Set<MeetingPackVersion>().Any(p => p.RoundId == r.Id))
            .OrderBy(r => r.Id).ToListAsync(ct);
        List<BuiltPack> built = [];
        foreach (var round in due)
        {
            built.Add(await BuildAsync(round, null, ct));
        }
        return built;
    }

    private async Task<BuiltPack> BuildAsync(UpdateRound round, int? personId, CancellationToken ct)
    {
        var quarter = new FinancialQuarter(round.FinancialYearStart, round.Quarter);
        var meeting = await MeetingForAsync(round, ct);
        var input = new MeetingPackInput(quarter, meeting is null ? null : new PackMeeting(meeting.Title, meeting.StartsAt, meeting.Agenda),
            await SubGroupsAsync(round.Id, quarter, ct), await register.EveryRequestAsync(ct), await escalations.RaisedAsync(ct));
        using var docx = new MemoryStream();
        DocxReportWriter.Write(MeetingPackDocument.Model(input), docx);
        var version = 1 + (await db.Set<MeetingPackVersion>().Where(p => p.RoundId == round.Id).MaxAsync(p => (int?)p.Version, ct) ?? 0);
        var fileName = $"OSP steering group pack {quarter.Label.Replace('/', '-')} v{version}.docx";
        var pack = new MeetingPackVersion
        {
            RoundId = round.Id, MeetingId = meeting?.Id, Version = version, BuiltByPersonId = personId,
            BuiltAt = clock.GetUtcNow(), FileName = fileName, Docx = docx.ToArray(),
        };
        db.Add(pack);
        await db.SaveChangesAsync(ct);
        if (publishers.FirstOrDefault() is { } publisher)
        {
            try
            {
                pack.SharePointUrl = (await publisher.PublishAsync(fileName, pack.Docx, ct))?.AbsoluteUri;
            }
            catch (ReportPublishException ex)
            {
                pack.PublishError = ex.Message;
            }
            await db.SaveChangesAsync(ct);
        }
        return new BuiltPack(pack.Id, version, quarter.Label, fileName, pack.SharePointUrl is { } url ? new Uri(url) : null, pack.PublishError);
    }

    /// A kept pack, for the person a download link was issued to, if they are still the secretariat or on the steering group.
    public async Task<MeetingPackVersion?> DownloadAsync(int packId, int personId, CancellationToken ct)
    {
        var allowed = await db.People.AnyAsync(p => p.Id == personId && (p.IsSecretariat
            || p.Memberships.Any(m => m.Group!.Kind == GroupKind.SteeringGroup)), ct);
        return allowed ? await db.Set<MeetingPackVersion>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == packId, ct) : null;
    }

    /// The steering group meeting linked to the round, else the first one after its deadline.
    private Task<Meeting?> MeetingForAsync(UpdateRound round, CancellationToken ct) =>
        db.Set<Meeting>().AsNoTracking()
            .Where(m => m.State != MeetingState.Cancelled && m.Group!.Kind == GroupKind.SteeringGroup)
            .Where(m => m.RoundId == round.Id || (m.RoundId == null && m.StartsAt >= round.DeadlineAt))
            .OrderBy(m => m.RoundId == round.Id ? 0 : 1).ThenBy(m => m.StartsAt)
            .FirstOrDefaultAsync(ct);

    private async Task<IReadOnlyList<PackSubGroup>> SubGroupsAsync(int roundId, FinancialQuarter quarter, CancellationToken ct)
    {
        var previous = quarter.Quarter == 1 ? (quarter.StartYear - 1, 4) : (quarter.StartYear, quarter.Quarter - 1);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Name,
                Update = db.SubGroupUpdates.Where(u => u.GroupId == g.Id && u.RoundId == roundId && u.SubmittedVersion != null)
                    .Select(u => new { u.IsLate, Version = u.Versions.FirstOrDefault(v => v.Number == u.SubmittedVersion) }).FirstOrDefault(),
                LastRag = db.SubGroupUpdates.Where(u => u.GroupId == g.Id && u.SubmittedVersion != null
                        && u.Round!.FinancialYearStart == previous.Item1 && u.Round.Quarter == previous.Item2)
                    .Select(u => u.Versions.Where(v => v.Number == u.SubmittedVersion).Select(v => v.Rag).FirstOrDefault()).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. groups.Select(g => new PackSubGroup(g.Name, g.Update?.Version is { } v
            ? new PackUpdate(g.Update.IsLate, v.Rag, v.RagReason, v.Achievements, v.Plans, v.Challenges, v.Requests)
            : null, g.LastRag))];
    }
}
