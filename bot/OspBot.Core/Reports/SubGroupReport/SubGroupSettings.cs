using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Observability;
using OspBot.Reports.Settings;

namespace OspBot.Reports;

/// A sub-group's standing settings as they stand now: version 0 until someone saves them.
internal sealed record GroupStanding(int GroupId, string GroupName, SubGroupStanding Standing, int Version)
{
    public SettingsVersionInfo? Latest { get; init; }
}

/// The outcome of saving a sub-group's typed standing settings.
internal abstract record StandingSave
{
    private StandingSave()
    {
    }

    public sealed record Refused(Refusal Refusal) : StandingSave;

    /// Nothing saved: the typed text stays on the card with these errors.
    public sealed record Invalid(GroupStanding Current, IReadOnlyList<SettingError> Errors) : StandingSave;

    /// Someone saved a newer version since the card was drawn; nothing saved, the typed text stays on the card.
    public sealed record Stale(GroupStanding Current) : StandingSave;

    public sealed record Unchanged(GroupStanding Current) : StandingSave;

    public sealed record Saved(GroupStanding Current, IReadOnlyList<string> Changed) : StandingSave;
}

/// Each sub-group's standing settings, kept from year to year with every version (who, when, what changed). Its
/// chair and the secretariat change them; the sub-group's own annual report and its part's approver read them.
internal sealed class SubGroupSettings(OspDbContext db, TimeProvider clock)
{
    public async Task<GroupStanding?> ForGroupAsync(int groupId, CancellationToken ct)
    {
        var name = await db.Groups.AsNoTracking().Where(g => g.Id == groupId && g.Kind == GroupKind.SubGroup).Select(g => g.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }
        var saved = await db.SubGroupSettingsVersions.AsNoTracking().Where(v => v.GroupId == groupId)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return saved is null
            ? new GroupStanding(groupId, name, new SubGroupStanding(), 0)
            : new GroupStanding(groupId, name, SubGroupStanding.FromJson(saved.StandingJson), saved.Version) { Latest = Info(saved) };
    }

    /// The sub-groups <paramref name="typed"/> names as people name them ("Stronger Communities", "stronger"), and
    /// every sub-group (for a "which one?" answer), each as (id, name).
    public async Task<(IReadOnlyList<(int Id, string Name)> Matches, IReadOnlyList<string> All)> MatchAsync(string typed, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name).ToListAsync(ct);
        return ([.. GroupNames.Match(groups, typed, g => g.Key, g => g.Name).Select(g => (g.Id, g.Name))], [.. groups.Select(g => g.Name)]);
    }

    /// Who approves the group's part: its chair unless its settings name the lead.
    public async Task<MembershipRole> ApprovedByAsync(int groupId, CancellationToken ct) =>
        (await ForGroupAsync(groupId, ct))?.Standing.ApprovedBy ?? MembershipRole.Chair;

    /// The recent versions, newest first.
    public async Task<IReadOnlyList<SettingsVersionInfo>> HistoryAsync(int groupId, int max, CancellationToken ct) =>
        [.. (await db.SubGroupSettingsVersions.AsNoTracking().Where(v => v.GroupId == groupId)
            .OrderByDescending(v => v.Version).Take(max).ToListAsync(ct)).Select(Info)];

    /// The sub-group's chair and the secretariat may change its settings; anyone else is told whom to ask.
    public async Task<Refusal?> CannotEditAsync(Actor actor, int groupId, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if ((caller is { IsSecretariat: true } && !actor.IsScheduler) || caller?.RoleIn(groupId) == MembershipRole.Chair)
        {
            return null;
        }
        TurnOutcome.MarkRefused();
        var chair = await db.Memberships.AsNoTracking().Where(m => m.GroupId == groupId && m.Role == MembershipRole.Chair && !m.Person!.IsVacant)
            .Select(m => new Contact(m.Person!.Name, m.Person.Email)).ToListAsync(ct);
        var secretariat = await db.People.AsNoTracking().Where(p => p.IsSecretariat && !p.IsVacant).OrderBy(p => p.Name)
            .Select(p => new Contact(p.Name, p.Email)).ToListAsync(ct);
        return new Refusal(RefusalReason.NotChair, "Only the sub-group's chair and the OSP secretariat can change its standing settings; nothing was saved.",
            [.. chair, .. secretariat]);
    }

    /// Saves what was typed (by field key; keys not typed keep their value) as the next version, when every field
    /// is valid and nobody saved a newer version since <paramref name="baseVersion"/>.
    public async Task<StandingSave> SaveAsync(Actor actor, int groupId, IReadOnlyDictionary<string, string> typed, int baseVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (await CannotEditAsync(actor, groupId, ct) is { } refusal)
        {
            return new StandingSave.Refused(refusal);
        }
        if (await ForGroupAsync(groupId, ct) is not { } current)
        {
            return new StandingSave.Refused(new Refusal(RefusalReason.NotFound, "That sub-group is not in the directory any more.", []));
        }
        var fields = StandingFields.All.Where(f => typed.ContainsKey(f.Key)).ToList();
        List<SettingError> errors = [.. fields.Select(f => Problem(f, typed[f.Key])).OfType<SettingError>()];
        if (errors.Count > 0)
        {
            return new StandingSave.Invalid(current, errors);
        }
        if (current.Version != baseVersion)
        {
            return new StandingSave.Stale(current);
        }
        var updated = fields.Aggregate(current.Standing, (s, f) => f.Apply(s, typed[f.Key].Replace("\r\n", "\n", StringComparison.Ordinal).Trim()));
        var changed = fields.Where(f => f.Show(updated) != f.Show(current.Standing)).Select(f => f.Label).ToList();
        if (changed.Count == 0)
        {
            return new StandingSave.Unchanged(current);
        }
        var caller = await Caller.ResolveAsync(db, actor, ct);
        var row = new SubGroupSettingsVersion
        {
            GroupId = groupId,
            Version = current.Version + 1,
            StandingJson = updated.ToJson(),
            ChangedByPersonId = caller!.PersonId,
            ChangedByName = caller.Name,
            ChangedAt = clock.GetUtcNow(),
            ChangedFields = string.Join('\n', changed),
        };
        db.SubGroupSettingsVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save (perhaps on another instance) took this version number first.
            db.ChangeTracker.Clear();
            return new StandingSave.Stale((await ForGroupAsync(groupId, ct))!);
        }
        return new StandingSave.Saved(current with { Standing = updated, Version = row.Version, Latest = Info(row) }, changed);
    }

    private static SettingError? Problem(StandingField f, string typed) =>
        typed.Length > f.MaxLength
            ? new SettingError(f.Key, string.Create(CultureInfo.InvariantCulture, $"Keep it to {f.MaxLength:N0} characters; it has {typed.Length:N0}."))
            : f.Problem?.Invoke(typed) is { } problem ? new SettingError(f.Key, problem) : null;

    private static SettingsVersionInfo Info(SubGroupSettingsVersion v) =>
        new(v.Version, v.ChangedByName, v.ChangedAt, v.ChangedFields.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
