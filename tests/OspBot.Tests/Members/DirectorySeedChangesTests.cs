using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Members;

/// Issue 13: a directory file that changed is applied when the bot starts again, through the real host: what is
/// new is added, a changed seat is updated, each change is logged, nothing is deleted (people the file no longer has
/// are logged as kept), a rename made on the directory card stands; a file that cannot be applied stops the start
/// with a message naming the conflict, and changes nothing.
public sealed class DirectorySeedChangesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ospbot-seed-").FullName;

    private const string First = """
        {
          "groups": [
            { "key": "steering-group", "name": "OSP Steering Group", "kind": "SteeringGroup", "requiresChairApproval": false },
            { "key": "stronger-communities", "name": "Stronger Communities", "kind": "SubGroup", "requiresChairApproval": false }
          ],
          "people": [
            { "name": "Ann Chair", "email": "ann@osp.example.org", "isOspChair": true, "memberships": [ { "group": "steering-group", "role": "Chair" } ] },
            { "name": "Bob Lead (placeholder)", "roleTitle": "Communities Manager", "memberships": [ { "group": "stronger-communities", "role": "Lead" } ] },
            { "name": "Cat Member", "email": "cat@osp.example.org", "memberships": [ { "group": "stronger-communities", "role": "Member" } ] }
          ]
        }
        """;

    // Bob's seat is now the chair's; Cat has left the file; Dan and the Safer Communities sub-group are new.
    private const string Second = """
        {
          "groups": [
            { "key": "steering-group", "name": "OSP Steering Group", "kind": "SteeringGroup", "requiresChairApproval": false },
            { "key": "stronger-communities", "name": "Stronger Communities", "kind": "SubGroup", "requiresChairApproval": true },
            { "key": "safer-communities", "name": "Safer Communities", "kind": "SubGroup", "requiresChairApproval": false }
          ],
          "people": [
            { "name": "Ann Chair", "email": "ann@osp.example.org", "isOspChair": true, "memberships": [ { "group": "steering-group", "role": "Chair" } ] },
            { "name": "Bob Lead (placeholder)", "roleTitle": "Communities Manager", "memberships": [ { "group": "stronger-communities", "role": "Chair" } ] },
            { "name": "Dan Lead", "email": "dan@osp.example.org", "memberships": [ { "group": "safer-communities", "role": "Lead" } ] }
          ]
        }
        """;

    [Fact]
    public async Task A_changed_file_adds_and_updates_logs_each_change_and_deletes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartAsync(First, new CapturingLoggerProvider(), ct);
        // The secretariat names the placeholder on the directory card before the file changes.
        await using (var db = Open())
        {
            await db.People.Where(p => p.Name == "Bob Lead (placeholder)").ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, "Bob Brown"), ct);
        }

        var logs = new CapturingLoggerProvider();
        await StartAsync(Second, logs, ct);

        await using var after = Open();
        var people = await after.People.AsNoTracking().Include(p => p.Memberships).ThenInclude(m => m.Group).OrderBy(p => p.Id).ToListAsync(ct);
        Assert.Equal(["Ann Chair", "Bob Brown", "Cat Member", "Dan Lead"], people.Select(p => p.Name));
        Assert.Equal(MembershipRole.Chair, Assert.Single(people[1].Memberships).Role);
        Assert.Equal("stronger-communities", Assert.Single(people[2].Memberships).Group!.Key);
        Assert.Equal(("safer-communities", MembershipRole.Lead), people[3].Memberships.Select(m => (m.Group!.Key, m.Role)).Single());
        Assert.True((await after.Groups.SingleAsync(g => g.Key == "stronger-communities", ct)).RequiresChairApproval);

        var said = Messages(logs);
        Assert.Contains(said, m => m.EndsWith(": group safer-communities added (Safer Communities)", StringComparison.Ordinal));
        Assert.Contains(said, m => m.EndsWith(": group stronger-communities: chair approval now required", StringComparison.Ordinal));
        Assert.Contains(said, m => m.EndsWith(": Bob Brown: stronger-communities seat changed from Lead to Chair", StringComparison.Ordinal));
        Assert.Contains(said, m => m.EndsWith(": Dan Lead added (Lead of safer-communities)", StringComparison.Ordinal));
        Assert.Contains(said, m => m.EndsWith(": Cat Member: kept, not in file", StringComparison.Ordinal));
        Assert.Contains(said, m => m.Contains("applied: 4 changes, 1 kept that the file does not have", StringComparison.Ordinal));
        Assert.DoesNotContain(said, m => m.Contains("seed file not loaded", StringComparison.Ordinal));

        // The same file again changes nothing.
        var again = new CapturingLoggerProvider();
        await StartAsync(Second, again, ct);
        Assert.Contains(Messages(again), m => m.Contains("applied: 0 changes, 1 kept", StringComparison.Ordinal));
        await using var last = Open();
        Assert.Equal(4, await last.People.CountAsync(ct));
    }

    [Theory]
    [InlineData("dan@osp.example.org", "stronger-communities", "Dan Lead and Eve Lead have the e-mail address dan@osp.example.org")]
    [InlineData("eve@osp.example.org", "safer-communities", "Eve Lead has a seat in 'safer-communities', which is no group in the file or the directory")]
    public async Task A_file_that_cannot_be_applied_stops_the_start_naming_the_conflict_and_changes_nothing(string eveEmail, string eveGroup, string conflict)
    {
        var ct = TestContext.Current.CancellationToken;
        await StartAsync(First, new CapturingLoggerProvider(), ct);
        var bad = First.Replace(
            """{ "name": "Cat Member",""",
            $$"""
            { "name": "Dan Lead", "email": "dan@osp.example.org", "memberships": [ { "group": "stronger-communities", "role": "Deputy" } ] },
            { "name": "Eve Lead", "email": "{{eveEmail}}", "memberships": [ { "group": "{{eveGroup}}", "role": "Lead" } ] },
            { "name": "Cat Member",
            """, StringComparison.Ordinal);

        var logs = new CapturingLoggerProvider();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(bad, logs, ct));

        Assert.Contains(conflict, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains(conflict, StringComparison.Ordinal));
        await using var db = Open();
        Assert.Equal(["Ann Chair", "Bob Lead (placeholder)", "Cat Member"], await db.People.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }

    private string Database => Path.Combine(_folder, "ospbot.db");

    // A new app (a new process, as far as the bot knows) on the same database, with the file as it is now.
    private async Task StartAsync(string file, CapturingLoggerProvider logs, CancellationToken ct)
    {
        var path = Path.Combine(_folder, "directory.json");
        await File.WriteAllTextAsync(path, file, ct);
        await using var app = new OspBotApp()
            .With("Database:ConnectionString", $"Data Source={Database}")
            .With("Directory:SeedFile", path)
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        // Creating the client starts the host: the seeder runs (or throws) before it returns.
        using var client = app.CreateClient();
    }

    private SqliteOspDbContext Open() => Data.TestDatabases.Sqlite($"Data Source={Database}");

    private static List<string> Messages(CapturingLoggerProvider logs) => [.. logs.Entries.Select(e => e.Message)];
}
