using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Reports;
using OspBot.Tests.Data;
using OspBot.Tests.Reports;

namespace OspBot.Tests.Production;

/// Issue 17: two instances on one PostgreSQL database sign download links with one key ring, kept in the database,
/// so a link made by one opens on the other; with DownloadLinks:KeyRingFolder the keys stay in the folder, as before.
[Collection(PostgresTests.Name)]
public sealed class SharedKeyRingTests(PostgresFixture postgres)
{
    private static readonly byte[] Docx = [0x50, 0x4B, 3, 4];

    [Fact]
    public async Task A_report_link_made_by_one_instance_opens_on_the_other_with_the_keys_in_the_database()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var first = Instance(database);
        await using var second = Instance(database);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var (reportId, personId) = await CompiledReportAsync(first, ct);

        // Both instances sign their first link at the same moment, on a database with no key yet.
        var links = await Task.WhenAll(
            Task.Run(() => LinkFrom(first, reportId, personId), ct),
            Task.Run(() => LinkFrom(second, reportId, personId), ct));

        await AssertOpensAsync(secondClient, links[0], ct);
        await AssertOpensAsync(firstClient, links[1], ct);
        Assert.NotEmpty(await KeysInDatabaseAsync(database, ct));
    }

    [Fact]
    public async Task After_one_instance_rotates_the_key_old_and_new_links_open_on_both()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var first = Instance(database);
        await using var second = Instance(database);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var (reportId, personId) = await CompiledReportAsync(first, ct);
        var beforeRotation = LinkFrom(first, reportId, personId);
        await AssertOpensAsync(secondClient, beforeRotation, ct);

        // What the framework does on its schedule (a new key every 90 days), done now by the first instance.
        var now = DateTimeOffset.UtcNow;
        first.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        var afterRotation = LinkFrom(first, reportId, personId);

        Assert.Equal(2, (await KeysInDatabaseAsync(database, ct)).Count);
        await AssertOpensAsync(secondClient, afterRotation, ct);
        await AssertOpensAsync(secondClient, beforeRotation, ct);
        await AssertOpensAsync(firstClient, beforeRotation, ct);
    }

    [Fact]
    public async Task With_a_key_ring_folder_the_instances_share_the_folder_and_the_database_keeps_no_keys()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        var folder = TestDatabases.TempFolder();
        try
        {
            await using var first = Instance(database).With("DownloadLinks:KeyRingFolder", folder);
            await using var second = Instance(database).With("DownloadLinks:KeyRingFolder", folder);
            using var secondClient = second.CreateClient();
            var (reportId, personId) = await CompiledReportAsync(first, ct);

            await AssertOpensAsync(secondClient, LinkFrom(first, reportId, personId), ct);

            Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
            Assert.Empty(await KeysInDatabaseAsync(database, ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static OspBotApp Instance(string database) => new OspBotApp()
        .With("Database:Provider", "Postgres")
        .With("Database:ConnectionString", database)
        .With("Jobs:Outbox:DispatchEnabled", "false");

    private static async Task<(int ReportId, int PersonId)> CompiledReportAsync(OspBotApp app, CancellationToken ct)
    {
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        var report = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Succeeded, ct, c =>
        {
            c.Docx = Docx;
            c.Version = 1;
        });
        return (report.Id, personId);
    }

    private static string LinkFrom(OspBotApp app, int reportId, int personId) =>
        app.Services.GetRequiredService<ReportLinks>().Create(reportId, personId).Url.PathAndQuery;

    private static async Task AssertOpensAsync(HttpClient client, string link, CancellationToken ct)
    {
        using var response = await client.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, await response.Content.ReadAsByteArrayAsync(ct));
    }

    private static async Task<List<string?>> KeysInDatabaseAsync(string database, CancellationToken ct)
    {
        await using var db = TestDatabases.Postgres(database);
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync(ct);
    }
}
