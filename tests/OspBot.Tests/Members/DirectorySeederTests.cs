using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Data;

namespace OspBot.Tests.Members;

public sealed class DirectorySeederTests
{
    private static async Task StartAndStopAsync(string root, Dictionary<string, string?> settings, CancellationToken ct)
    {
        using var host = TestDatabases.BuildHost(root, settings);
        await host.StartAsync(ct);
        await host.StopAsync(ct);
    }

    private static SqliteOspDbContext Open(string root) =>
        TestDatabases.Sqlite($"Data Source={Path.Combine(root, "data", "ospbot.db")}");

    [Fact]
    public async Task First_start_loads_the_osp_sample_and_a_second_start_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = TestDatabases.TempFolder();
        await StartAndStopAsync(root, [], ct);
        await StartAndStopAsync(root, [], ct);

        await using var db = Open(root);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
        Assert.Equal(
            ["steering-group", "economic-development", "stronger-communities", "zero-carbon-oxford-partnership", "safer-communities"],
            groups.Select(g => g.Key));
        Assert.Equal(GroupKind.SteeringGroup, groups[0].Kind);
        Assert.All(groups.Skip(1), g => Assert.Equal(GroupKind.SubGroup, g.Kind));

        // Appendix 1 of the July 2024 report: 21 seats on the steering group, one of them vacant.
        var steering = await db.Memberships.AsNoTracking().Include(m => m.Person)
            .Where(m => m.Group!.Key == "steering-group").ToListAsync(ct);
        Assert.Equal(21, steering.Count);
        var vacant = Assert.Single(steering, m => m.Person!.IsVacant);
        Assert.Equal("Larger Business Representative", vacant.Person!.RoleTitle);
        var chair = Assert.Single(steering, m => m.Role == MembershipRole.Chair);
        Assert.Equal("Paul James", chair.Person!.Name);
        Assert.True(chair.Person.IsOspChair);

        var robin = await db.People.AsNoTracking().SingleAsync(p => p.Name == "Robin Rogers", ct);
        Assert.Equal("Programme Director, Partnership and Delivery", robin.RoleTitle);
        Assert.Equal("Oxfordshire County Council", robin.Organisation);
        Assert.True(await db.People.AnyAsync(p => p.IsSecretariat && p.Email!.EndsWith("@example.org"), ct));
    }

    [Fact]
    public async Task A_configured_seed_file_is_used_instead_of_the_sample()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = TestDatabases.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(root, "osp.json"), """
            // comments are allowed
            {
              "groups": [ { "key": "steering-group", "name": "Steering", "kind": "SteeringGroup", "requiresChairApproval": false } ],
              "people": [ { "name": "Ann Chair", "isOspChair": true, "entraObjectId": "aad-ann",
                            "memberships": [ { "group": "steering-group", "role": "Chair" } ] } ]
            }
            """, ct);
        await StartAndStopAsync(root, new() { ["Directory:SeedFile"] = "osp.json" }, ct);

        await using var db = Open(root);
        Assert.Equal("Steering", (await db.Groups.SingleAsync(ct)).Name);
        Assert.Equal("aad-ann", (await db.People.SingleAsync(ct)).EntraObjectId);
    }

    [Fact]
    public async Task Member_directory_reports_roles_and_memberships_by_entra_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = TestDatabases.TempFolder();
        using var host = TestDatabases.BuildHost(root, []);
        await host.StartAsync(ct);
        await using (var db = Open(root))
        {
            await db.People.Where(p => p.Name == "Cllr Susan Brown")
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.EntraObjectId, "aad-susan"), ct);
            await db.People.Where(p => p.Name == "Secretariat Officer (placeholder)")
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.EntraObjectId, "aad-sec"), ct);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<MemberDirectory>();
        var susan = await directory.FindByEntraObjectIdAsync("aad-susan", ct);
        var secretariat = await directory.FindByEntraObjectIdAsync("aad-sec", ct);
        var stranger = await directory.FindByEntraObjectIdAsync("aad-nobody", ct);
        await host.StopAsync(ct);

        Assert.NotNull(susan);
        Assert.False(susan.IsSecretariat);
        Assert.False(susan.IsOspChair);
        Assert.Equal(
            [new GroupRole("steering-group", "OSP Steering Group", GroupKind.SteeringGroup, MembershipRole.Member),
             new GroupRole("zero-carbon-oxford-partnership", "Zero Carbon Oxford Partnership", GroupKind.SubGroup, MembershipRole.Chair)],
            susan.Memberships);
        Assert.True(secretariat?.IsSecretariat);
        Assert.Empty(secretariat!.Memberships);
        Assert.Null(stranger);
    }
}
