using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.Escalations;

/// A flag as the secretariat's card shows it.
public sealed record EscalationView
{
    public required string Key { get; init; }

    public required string GroupName { get; init; }

    public required EscalationKind Kind { get; init; }

    public required FinancialQuarter Since { get; init; }

    public required FinancialQuarter Latest { get; init; }

    /// A challenge in the latest quarter's words; a RAG flag as "RAG amber two quarters running: <the latest reason>".
    public required string Text { get; init; }

    public EscalationDecisionKind? Decision { get; init; }

    public string? Note { get; init; }

    /// In the words: "Reported since Q1 2026/27: no supporting officer since February", "RAG amber two quarters running".
    public string Summary => Kind == EscalationKind.Rag ? Text : $"Reported since {Since.Label}: {Text}";
}

/// The flags of the newest quarter with submitted updates, each with the secretariat's decision if there is one;
/// and the decisions: on the steering group's agenda, or dismissed with a note.
internal sealed class EscalationFinder(OspDbContext db, TimeProvider clock)
{
    public const int MaxNote = 1000;

    public async Task<Lookup<IReadOnlyList<EscalationView>>> FlagsAsync(Actor actor, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refusal)
        {
            return new Lookup<IReadOnlyList<EscalationView>>.Refused(refusal);
        }
        return new Lookup<IReadOnlyList<EscalationView>>.Found(await RaisedAsync(ct));
    }

    /// The flags with their decisions, for OspBot's own work (the meeting pack's job); a person is checked first, as in FlagsAsync.
    public async Task<IReadOnlyList<EscalationView>> RaisedAsync(CancellationToken ct)
    {
        var flags = await CurrentAsync(ct);
        var keys = flags.Select(f => f.Key).ToList();
        var decisions = await db.Set<EscalationDecision>().AsNoTracking().Where(d => keys.Contains(d.FlagKey)).ToDictionaryAsync(d => d.FlagKey, ct);
        return [.. flags.Select(f => decisions.TryGetValue(f.Key, out var d)
            ? f.View with { Decision = d.Decision, Note = d.Note }
            : f.View)];
    }

    /// Null when saved; otherwise why not (a refusal's message, or what to do first).
    public async Task<string?> DecideAsync(Actor actor, string flagKey, EscalationDecisionKind decision, string? note, CancellationToken ct)
    {
        if (await db.RefuseUnlessSecretariatAsync(actor, ct) is { } refusal)
        {
            return refusal.Message;
        }
        note = note?.Trim() is { Length: > 0 } n ? n : null;
        if (note is { Length: > MaxNote })
        {
            return $"The note can be at most {MaxNote} characters.";
        }
        if (decision == EscalationDecisionKind.Dismissed && note is null)
        {
            return "Please say in a note why the flag is dismissed.";
        }
        var flag = (await CurrentAsync(ct)).FirstOrDefault(f => f.Key == flagKey);
        var meeting = decision == EscalationDecisionKind.OnAgenda ? await RequestRegister.NextSteeringMeetingAsync(db, clock.GetUtcNow(), ct) : null;
        if (flag is null)
        {
            return "That flag is no longer raised: a newer quarter's updates have come in.";
        }
        if (decision == EscalationDecisionKind.OnAgenda && meeting is null)
        {
            return "No steering group meeting is scheduled yet: schedule one first (`schedule meeting`), then put the flag on its agenda.";
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var row = await db.Set<EscalationDecision>().SingleOrDefaultAsync(d => d.FlagKey == flagKey, ct);
        if (row is null)
        {
            row = new EscalationDecision { FlagKey = flagKey, GroupId = flag.GroupId, Kind = flag.Kind };
            db.Add(row);
        }
        (row.Decision, row.Note, row.AgendaMeetingId, row.DecidedByPersonId, row.DecidedAt) = (decision, note, meeting, caller?.PersonId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<IReadOnlyList<Flagged>> CurrentAsync(CancellationToken ct)
    {
        var submitted = await db.SubGroupUpdates.AsNoTracking()
            .Where(u => u.SubmittedVersion != null)
            .Select(u => new
            {
                u.GroupId,
                u.Group!.Name,
                u.Round!.FinancialYearStart,
                u.Round.Quarter,
                Version = db.UpdateVersions.Where(v => v.SubGroupUpdateId == u.Id && v.Number == u.SubmittedVersion)
                    .Select(v => new { v.Challenges, v.Rag, v.RagReason }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (submitted.Count == 0)
        {
            return [];
        }
        var newest = submitted.Max(u => u.FinancialYearStart * 4 + u.Quarter);
        return [.. submitted.GroupBy(u => (u.GroupId, u.Name))
            .Where(g => g.Any(u => u.FinancialYearStart * 4 + u.Quarter == newest))
            .OrderBy(g => g.Key.Name)
            .SelectMany(g => PersistentBlocks.Find(g.Select(u => new QuarterReport(
                    new FinancialQuarter(u.FinancialYearStart, u.Quarter), u.Version?.Challenges, u.Version?.Rag, u.Version?.RagReason)))
                .Select(b => new Flagged(g.Key.GroupId, b.KeyFor(g.Key.GroupId), g.Key.Name, b)))];
    }

    private sealed record Flagged(int GroupId, string Key, string GroupName, PersistentBlock Block)
    {
        public EscalationKind Kind => Block.Kind;

        public EscalationView View => new()
        {
            Key = Key,
            GroupName = GroupName,
            Kind = Block.Kind,
            Since = Block.Since,
            Latest = Block.Latest,
            Text = Block.Text,
        };
    }
}
