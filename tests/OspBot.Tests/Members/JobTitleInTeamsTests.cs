using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Cards;
using OspBot.Tests.Reports;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Members;

/// Job titles set from the `directory` card over HTTP, and printed in Appendix 1 of the next compiled report.
public sealed class JobTitleInTeamsTests
{
    [Fact]
    public async Task Secretariat_sets_the_chairs_job_title_and_appendix_1_prints_it_beside_the_organisation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ReportWorld.RealClock);
        await wire.LinkAsync(ct);
        var chair = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Memberships.AsNoTracking()
            .Where(m => m.Group!.Kind == GroupKind.SteeringGroup && m.Role == MembershipRole.Chair)
            .Select(m => new { m.PersonId, m.Person!.Name, m.Person.Organisation }).SingleAsync(ct));
        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));
        Assert.True(CardData.Has(card, "directory.setJobTitle"));

        var done = await wire.ExecuteAsync(Sec, "directory.setJobTitle", CardData.Of(card, "directory.setJobTitle")
            .With("jobTitlePerson", chair.PersonId.ToString(CultureInfo.InvariantCulture)).With("jobTitle", "  Vice-Chancellor "), ct);

        Assert.Contains($"{chair.Name}'s job title is now \"Vice-Chancellor\".", Text(done));
        Assert.Single(await wire.SayAsync(Sec, "compile report 2024/25", ct));
        var ready = ReportWorld.CardOf((await ReportWorld.WaitForCardAsync(wire.Connector, ReportWorld.ReadyHeading, ct)).Body!.Value);
        using var doc = new DocxReader(await wire.Client.GetByteArrayAsync(ReportWorld.ActionUrl(ready, "Download (.docx)"), ct));
        var members = DocxReader.Rows(doc.Tables()[1]);
        Assert.Contains([$"{chair.Name} (Chair)", $"Vice-Chancellor, {chair.Organisation}"], members);
    }

    [Fact]
    public async Task A_blank_title_removes_it_a_missing_person_is_asked_for_and_others_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var person = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People
            .Where(p => !p.IsVacant && p.RoleTitle != null).Select(p => new { p.Id, p.Name }).FirstAsync(ct));
        var id = person.Id.ToString(CultureInfo.InvariantCulture);

        var unpicked = await wire.ExecuteAsync(Sec, "directory.setJobTitle", new JsonObject { ["jobTitle"] = "Director" }, ct);
        Assert.Contains("Pick the person whose job title to change.", Text(unpicked));
        var refused = await wire.ExecuteAsync(LeadA, "directory.setJobTitle", new JsonObject { ["jobTitlePerson"] = id, ["jobTitle"] = "Mallory" }, ct);
        Assert.DoesNotContain("job title is now", Text(refused), StringComparison.Ordinal);
        var cleared = await wire.ExecuteAsync(Sec, "directory.setJobTitle", new JsonObject { ["jobTitlePerson"] = id, ["jobTitle"] = " " }, ct);

        Assert.Contains($"{person.Name} no longer has a job title in the directory.", Text(cleared));
        Assert.Null(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.Id == person.Id).Select(p => p.RoleTitle).SingleAsync(ct)));
    }

    private static string Text(System.Text.Json.JsonElement card) => string.Join("\n", CardQueries.Texts(card).Select(CardQueries.Displayed));
}
