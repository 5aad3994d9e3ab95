using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Data;

namespace OspBot.Members;

/// Fills an empty directory from the seed file on first start. Once there are groups the database is the truth,
/// so later edits to the file do nothing.
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
        if (await db.Groups.AnyAsync(ct))
        {
            logger.DirectoryAlreadySeeded();
            return;
        }

        var (source, file) = await ReadAsync(ct);
        var groups = file.Groups.ToDictionary(
            g => g.Key,
            g => new Group { Key = g.Key, Name = g.Name, Kind = g.Kind, RequiresChairApproval = g.RequiresChairApproval },
            StringComparer.Ordinal);
        db.Groups.AddRange(groups.Values);
        foreach (var p in file.People)
        {
            db.People.Add(new Person
            {
                Name = p.Name,
                Organisation = p.Organisation,
                RoleTitle = p.RoleTitle,
                Email = p.Email,
                EntraObjectId = p.EntraObjectId,
                IsSecretariat = p.IsSecretariat,
                IsOspChair = p.IsOspChair,
                IsVacant = p.IsVacant,
                Memberships = [.. p.Memberships.Select(m => new Membership
                {
                    Group = groups.GetValueOrDefault(m.Group)
                        ?? throw new InvalidDataException($"{source}: {p.Name} is a member of unknown group '{m.Group}'."),
                    Role = m.Role,
                })],
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time may have won the race (unique group keys): its seed stands.
            db.ChangeTracker.Clear();
            if (!await db.Groups.AnyAsync(ct))
            {
                throw;
            }
            logger.DirectoryAlreadySeeded();
            return;
        }
        logger.DirectorySeeded(source, groups.Count, file.People.Count);
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
