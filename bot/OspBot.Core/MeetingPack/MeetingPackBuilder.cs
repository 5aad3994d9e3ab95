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

public sealed record BuiltPack(
    int PackId, int Version, string QuarterLabel, string FileName, Uri? SharePointUrl = null, string? PublishError = null, string? CalendarError = null);

/// Builds the steering group's meeting pack for the newest round and keeps it as a new version; and hands a kept
/// pack to the secretariat or a member of the steering group.
/// With Graph, each pack is also uploaded next to the annual reports and linked from the meeting's calendar event
/// (<see cref="MeetingPackPublishing"/>).
internal sealed class MeetingPackBuilder(
    OspDbContext db, RequestRegister register, EscalationFinder escalations, MeetingPackPublishing publishing, TimeProvider clock)
{
    public async Task<Lookup<BuiltPack>> BuildAsync(Actor actor, CancellationToken ct)
    {
        if (await RoundQueries.RefuseUnlessSecretariatAsync(db, actor, ct) is { } refusal)
        {
            return new Lookup<BuiltPack>.Refused(refusal);
        }
        if (await NewestRoundAsync(ct) is not { } round)
        {
            return new Lookup<BuiltPack>.Refused(NoRound);
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        return new Lookup<BuiltPack>.Found(await BuildAsync(round, caller?.PersonId, (_, _) => Task.CompletedTask, ct));
    }

    internal static readonly Refusal NoRound = new(RefusalReason.NotFound, "There is no update round yet, so there is nothing to put in a meeting pack.", []);

    /// The pack is for the newest round.
    internal Task<UpdateRound?> NewestRoundAsync(CancellationToken ct) =>
        db.Rounds.AsNoTracking().OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.Quarter)
            .ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// Builds and keeps a new version of the round's pack, reporting each stage ("reading 4 updates").
    internal async Task<BuiltPack> BuildAsync(UpdateRound round, int? personId, Func<string, CancellationToken, Task> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(progress);
        var quarter = new FinancialQuarter(round.FinancialYearStart, round.Quarter);
        var submitted = await db.SubGroupUpdates.CountAsync(u => u.RoundId == round.Id && u.SubmittedVersion != null, ct);
        await progress(submitted == 1 ? "reading 1 update" : $"reading {submitted} updates", ct);
        var meeting = await MeetingForAsync(round, ct);
        var input = new MeetingPackInput(quarter, meeting is null ? null : new PackMeeting(meeting.Title, meeting.StartsAt, meeting.Agenda),
            await SubGroupsAsync(round.Id, quarter, ct), await register.EveryRequestAsync(ct), await escalations.RaisedAsync(ct));
        await progress("writing the document", ct);
        using var docx = new MemoryStream();
        DocxReportWriter.Write(MeetingPackDocument.Model(input), docx);
        var version = 1 + (await db.Set<MeetingPackVersion>().Where(p => p.RoundId == round.Id).MaxAsync(p => (int?)p.Version, ct) ?? 0);
        var pack = new MeetingPackVersion
        {
            RoundId = round.Id,
            MeetingId = meeting?.Id,
            Version = version,
            BuiltByPersonId = personId,
            BuiltAt = clock.GetUtcNow(),
            FileName = $"OSP steering group pack {quarter.Label.Replace('/', '-')} v{version}.docx",
            Docx = docx.ToArray(),
        };
        db.Add(pack);
        await db.SaveChangesAsync(ct);
        await PublishAsync(pack, progress, ct);
        return new BuiltPack(pack.Id, version, quarter.Label, pack.FileName, pack.SharePointUrl is { } url ? new Uri(url) : null, pack.PublishError, pack.CalendarError);
    }

    private async Task PublishAsync(MeetingPackVersion pack, Func<string, CancellationToken, Task> progress, CancellationToken ct)
    {
        if (publishing.CanUpload)
        {
            await progress("uploading it to SharePoint", ct);
            await publishing.UploadAsync(pack, ct);
        }
        if (pack.SharePointUrl is not null && publishing.CanLinkInCalendar)
        {
            await progress("putting its link in the meeting's calendar event", ct);
            await publishing.LinkInCalendarAsync(pack, ct);
        }
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
