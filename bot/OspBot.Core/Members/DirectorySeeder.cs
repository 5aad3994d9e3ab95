using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Data;

namespace OspBot.Members;

/// Applies the directory seed file on every start: the first start fills the empty directory; later ones merge
/// what the file added or changed (DirectoryMerge), logging each change, or fail naming the conflicts, so a file that
/// changed is never silently ignored and nothing in the directory is deleted by it.
internal sealed class DirectorySeeder(
    IServiceScopeFactory scopes, IOptions<DirectoryOptions> options, IHostEnvironment env, ILogger<DirectorySeeder> logger)
    : IHostedService
{
    internal const string SampleResource = "OspBot.Members.directory.sample.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        await SeedAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task SeedAsync(OspDbContext db, CancellationToken ct)
    {
        var (source, file) = await ReadAsync(ct);
        try
        {
            await MergeAsync(db, source, file, ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time saved first (unique keys): merge again onto what it saved.
            db.ChangeTracker.Clear();
            await MergeAsync(db, source, file, ct);
        }
    }

    private async Task MergeAsync(OspDbContext db, string source, DirectoryFile file, CancellationToken ct)
    {
        // People before groups: another instance may be seeding at the same moment, and a seat read here must find
        // its group among those read after it (groups are never deleted), so EF can fix up every seat's Group.
        var people = await db.People.Include(p => p.Memberships).ToListAsync(ct);
        var groups = await db.Groups.ToListAsync(ct);
        var first = groups.Count == 0 && people.Count == 0;
        var conflicts = DirectoryFileCheck.Conflicts(file, groups.Select(g => g.Key));
        var merge = new DirectoryMerge(groups, people);
        if (conflicts.Count == 0)
        {
            merge.Apply(file);
            conflicts = merge.Conflicts;
        }
        if (conflicts.Count > 0)
        {
            var message = $"The directory file {source} cannot be applied: {string.Join("; ", conflicts)}.";
            logger.DirectoryConflict(message);
            throw new InvalidDataException(message + " Correct the file (or the directory on the directory card) and start again.");
        }

        db.Groups.AddRange(merge.NewGroups);
        db.People.AddRange(merge.NewPeople);
        await db.SaveChangesAsync(ct);
        if (first)
        {
            logger.DirectorySeeded(source, groups.Count, people.Count);
            return;
        }
        merge.Changes.ForEach(change => logger.DirectoryChanged(source, change));
        merge.Kept.ForEach(kept => logger.DirectoryKept(source, kept));
        logger.DirectoryMerged(source, merge.Changes.Count, merge.Kept.Count);
    }

    private async Task<(string Source, DirectoryFile File)> ReadAsync(CancellationToken ct)
    {
        if (options.Value.SeedFile is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(Path.Combine(env.ContentRootPath, path));
            await using var stream = File.OpenRead(full);
            return (full, await DirectoryFile.ReadAsync(stream, ct));
        }

        await using var sample = typeof(DirectorySeeder).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException($"Embedded resource {SampleResource} is missing.");
        return ("the built-in sample", await DirectoryFile.ReadAsync(sample, ct));
    }
}
