using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;
using OspBot.Reports.Drafting;

namespace OspBot.Reports.Settings;

/// The year's report settings (cover fields, fixed paragraphs, sub-groups' descriptions), kept in the database with
/// every version. A year nobody has saved starts from the latest earlier year's, else from the seed file.
/// Compilations read <see cref="ForYearAsync"/>; the secretariat changes them through <see cref="SaveAsync"/>.
internal sealed partial class ReportSettings(OspDbContext db, TimeProvider clock, ReportSeed seed)
{
    public async Task<YearSettings> ForYearAsync(int year, CancellationToken ct)
    {
        var saved = await db.ReportSettingsVersions.AsNoTracking()
            .Where(v => v.FinancialYear <= year)
            .OrderByDescending(v => v.FinancialYear).ThenByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);
        if (saved is null)
        {
            return new YearSettings(year, Seed(year), 0, SettingsOrigin.Seed);
        }

        var profile = ReportProfile.Load(saved.ProfileJson);
        return saved.FinancialYear == year
            ? new YearSettings(year, profile, saved.Version, SettingsOrigin.Saved) { Latest = Info(saved) }
            : new YearSettings(year, CarriedForward(profile, saved.FinancialYear, year), 0, SettingsOrigin.CarriedForward, saved.FinancialYear);
    }

    /// The year's saved versions, newest first.
    public async Task<IReadOnlyList<SettingsVersionInfo>> HistoryAsync(int year, int max, CancellationToken ct) =>
        [.. (await db.ReportSettingsVersions.AsNoTracking().Where(v => v.FinancialYear == year)
            .OrderByDescending(v => v.Version).Take(max).ToListAsync(ct)).Select(Info)];

    /// The editable fields: the fixed ones, then each sub-group of the directory in its order.
    public async Task<IReadOnlyList<ReportSettingField>> FieldsAsync(CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup)
            .OrderBy(g => g.Id).Select(g => new { g.Key, g.Name }).ToListAsync(ct);
        return [.. ReportSettingFields.Fixed, .. groups.SelectMany(g => ReportSettingFields.SubGroup(g.Key, g.Name))];
    }

    /// Saves what the secretariat typed (by field key; keys not typed keep their value) as the year's next version,
    /// when every field is valid and nobody saved a newer version since <paramref name="baseVersion"/>.
    public async Task<SettingsSave> SaveAsync(Actor actor, int year, IReadOnlyDictionary<string, string> typed, int baseVersion, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(db, actor, ct);
        if (caller is not { IsSecretariat: true } || actor.IsScheduler)
        {
            return new SettingsSave.Refused();
        }

        var fields = (await FieldsAsync(ct)).Where(f => typed.ContainsKey(f.Key)).ToList();
        var errors = fields.Select(f => Validate(f, typed[f.Key], year)).OfType<SettingError>().ToList();
        if (errors.Count > 0)
        {
            return new SettingsSave.Invalid(errors);
        }

        var current = await ForYearAsync(year, ct);
        if (current.Version != baseVersion)
        {
            return new SettingsSave.Stale(current);
        }

        var updated = fields.Aggregate(current.Profile, (p, f) => f.Apply(p, typed[f.Key]));
        var changed = fields.Where(f => f.Show(updated) != f.Show(current.Profile)).Select(f => f.Label).ToList();
        if (changed.Count == 0)
        {
            return new SettingsSave.Unchanged(current);
        }

        return await AddVersionAsync(caller, current, updated, changed, ct) is { } saved
            ? new SettingsSave.Saved(saved, changed)
            : new SettingsSave.Stale(await ForYearAsync(year, ct));
    }

    private async Task<YearSettings?> AddVersionAsync(Caller caller, YearSettings current, ReportProfile updated, List<string> changed, CancellationToken ct)
    {
        var row = new ReportSettingsVersion
        {
            FinancialYear = current.Year,
            Version = current.Version + 1,
            ProfileJson = updated.ToJson(),
            ChangedByPersonId = caller.PersonId,
            ChangedByName = caller.Name,
            ChangedAt = clock.GetUtcNow(),
            ChangedFields = string.Join('\n', changed),
        };
        db.ReportSettingsVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save (perhaps on another instance) took this version number first.
            db.ChangeTracker.Clear();
            return null;
        }
        return new YearSettings(current.Year, updated, row.Version, SettingsOrigin.Saved) { Latest = Info(row) };
    }

    private static SettingsVersionInfo Info(ReportSettingsVersion v) =>
        new(v.Version, v.ChangedByName, v.ChangedAt, v.ChangedFields.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// Last year's settings as this year's start: the Council meeting and the notes on the year were last year's,
    /// so they go; a budget year that was last year's moves on with it.
    private static ReportProfile CarriedForward(ReportProfile last, int fromYear, int year) => last with
    {
        Cover = last.Cover with { CouncilMeetingDate = null },
        SubGroups = [.. last.SubGroups.Select(s => s with { Note = null })],
        BudgetYear = last.BudgetYear == FinancialYears.Label(fromYear) ? FinancialYears.Label(year) : last.BudgetYear,
    };

    /// The first year's settings: Reports:ProfileFile ("{year}" becomes "2024-25"), else the shipped sample.
    private ReportProfile Seed(int year)
    {
        if (string.IsNullOrWhiteSpace(seed.ProfileFile))
        {
            return ReportProfile.Sample();
        }

        var path = seed.ProfileFile.Replace("{year}", FinancialYears.Label(year).Replace('/', '-'), StringComparison.Ordinal);
        using var file = File.OpenRead(path);
        return ReportProfile.Load(file);
    }
}

/// The first year's report settings file (Reports:ProfileFile); null for the shipped sample. Its own type so the
/// settings need nothing else from the compilation's side.
internal sealed record ReportSeed(string? ProfileFile);
