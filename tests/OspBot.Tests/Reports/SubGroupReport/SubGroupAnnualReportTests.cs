using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Reports;
using OspBot.Data;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using OspBot.Tests.Seeds;
using static OspBot.Tests.Reports.SignOff.SignOffWorld;

namespace OspBot.Tests.Reports.SubGroupReport;

/// Issue 14: a sub-group's own annual report in the shape of seeds 001/003, its standing settings entered from the
/// card by its chair, its year from its updates, its members from the directory; through the HTTP pipeline and job.
public sealed class SubGroupAnnualReportTests
{
    [Fact]
    public async Task The_chair_enters_003_as_settings_and_the_report_has_every_section_of_003_in_order_with_the_table_and_members()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        var groupId = await AYearOfUpdatesAsync(wire, ct);

        var about = await SaveAsync(wire, ChairSc, groupId, "about", 0, Seed003.About(), ct);
        Assert.Contains("Saved as version 1: Background, Our way of working, Partnership table, After the table.", about.GetRawText(), StringComparison.Ordinal);
        var projects = await SaveAsync(wire, ChairSc, groupId, "projects", 1, Seed003.Projects(), ct);
        Assert.Contains("Saved as version 2", projects.GetRawText(), StringComparison.Ordinal);

        await wire.SayAsync(ChairSc, $"annual report stronger communities {YearLabel}", ct);
        var ready = ReportWorld.CardOf((await ReportWorld.WaitForCardAsync(wire.Connector, "Stronger Communities annual report 2025-26 (v1).docx", ct)).Body!.Value);
        Assert.Contains("The Stronger Communities 2025/26 annual report is ready", ready.GetRawText(), StringComparison.Ordinal);
        using var download = await wire.Client.GetAsync(ReportWorld.ActionUrl(ready, "Download (.docx)"), ct);
        var bytes = await download.Content.ReadAsByteArrayAsync(ct);
        using var doc = new DocxReader(bytes);

        Assert.Equal(["Stronger Communities Annual Report and briefing"], doc.Headings("Title"));
        var headings = doc.Headings("Heading1");
        string[] of003 = ["Background", "Aims for 2026/27", "Our way of working", "Task and Finish project - Making Every Contact Count (MECC)", "Related projects", "Members of the group"];
        Assert.Equal(of003, headings.Where(of003.Contains));
        Assert.Contains("The year 2025/26", headings);

        // The year's text comes from the updates through the council report's drafting: achievements, plans as aims.
        var text = doc.AllText();
        Assert.Contains("Community hubs opened in Blackbird Leys", text, StringComparison.Ordinal);
        var aims = Section(doc, "Aims for 2026/27", "Our way of working");
        Assert.NotEmpty(aims);
        Assert.DoesNotContain(aims, l => l.Contains("No plans", StringComparison.Ordinal));

        // The partnership table with its ticks, crosses and notes, as 003 has it.
        var table = DocxReader.Rows(Assert.Single(doc.Tables()));
        Assert.Equal(["Community", "Community Partnership", "Health and Wellbeing Group", "Youth Partnership"], table[0]);
        Assert.Equal(["The Leys", "✓", "✓", "✓"], table[1]);
        Assert.Equal(["Barton", "Temporarily suspended during Barton Healthy New Town project", "✓", "✓"], table.Single(r => r[0] == "Barton"));
        Assert.Equal(["East Oxford", "✗", "✗", "✓"], table.Single(r => r[0] == "East Oxford"));
        Assert.Equal(Seed003.TableRows().Count + 1, table.Count);

        // Related projects lettered; members with the chair marked, the people to be invited, the chair's signature.
        var related = Section(doc, "Related projects", "Members of the group");
        Assert.Contains("a. Barton Healthy New Town (Grosvenor, CCG, City Council, Public Health)", related);
        Assert.Contains("i. LEAP - addressing fuel poverty, (City Council)", related);
        var members = Section(doc, "Members of the group", null);
        Assert.Equal("Cllr Ann Chair (Chair), Public Health", members[0]);
        Assert.Contains("Maggie Dent, Clinical Commissioning Group", members);
        Assert.Contains(members, l => l.StartsWith("Kathy Shaw will be invited to join the group", StringComparison.Ordinal));
        var signed = DateOnly.FromDateTime(OspBot.Common.London.Local(wire.Clock.GetUtcNow()));
        Assert.Equal($"Cllr Ann Chair, {signed.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", members[^1]);
        Assert.Contains("Making Every Contact Count", text, StringComparison.Ordinal);

        Assert.Empty(doc.ValidationErrors());
        var pdf = await LibreOffice.ToPdfAsync(bytes, ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [Fact]
    public async Task Only_the_chair_and_the_secretariat_change_the_settings_a_bad_table_is_refused_keeping_the_text_and_every_version_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        var groupId = await wire.InScopeAsync(s => s.GetRequiredService<OspDbContext>().Groups.Where(g => g.Key == "stronger-communities").Select(g => g.Id).SingleAsync(ct));

        // A deputy is turned away at the door; another sub-group's chair by the settings, naming whom to ask.
        var deputy = await SaveAsync(wire, DeputySc, groupId, "about", 0, new JsonObject { ["background"] = "Ours" }, ct);
        Assert.Contains("Only for the OSP secretariat and sub-group chairs", deputy.GetRawText(), StringComparison.Ordinal);
        var otherChair = await SaveAsync(wire, ChairEd, groupId, "about", 0, new JsonObject { ["background"] = "Ours" }, ct);
        Assert.Contains("chair and the OSP secretariat can change its standing settings; nothing was saved.", otherChair.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Cllr Ann Chair", otherChair.GetRawText(), StringComparison.Ordinal);

        var bad = await SaveAsync(wire, ChairSc, groupId, "about", 0, new JsonObject { ["background"] = "Kept", ["partnerships"] = "Community | Youth\nThe Leys | y | y" }, ct);
        Assert.Contains("Line 2 has 3 cell(s) but the headings have 2", bad.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("The Leys | y | y", bad.GetRawText(), StringComparison.Ordinal);

        Assert.Contains("Saved as version 1", (await SaveAsync(wire, ChairSc, groupId, "about", 0, new JsonObject { ["background"] = "Kept" }, ct)).GetRawText(), StringComparison.Ordinal);
        var stale = await SaveAsync(wire, RoundsWire.Sec, groupId, "about", 0, new JsonObject { ["background"] = "Theirs" }, ct);
        Assert.Contains("saved version 1 while you were editing", stale.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Saved as version 2", (await SaveAsync(wire, RoundsWire.Sec, groupId, "about", 1, new JsonObject { ["background"] = "Theirs" }, ct)).GetRawText(), StringComparison.Ordinal);

        var versions = await wire.InScopeAsync(s => s.GetRequiredService<OspDbContext>().SubGroupSettingsVersions.AsNoTracking()
            .Where(v => v.GroupId == groupId).OrderBy(v => v.Version).Select(v => v.ChangedByName).ToListAsync(ct));
        Assert.Equal(2, versions.Count);
        Assert.Equal("Cllr Ann Chair", versions[0]);
    }

    private static Task<System.Text.Json.JsonElement> SaveAsync(RoundsWire wire, TeamsUser user, int groupId, string section, int baseVersion, JsonObject inputs, CancellationToken ct)
    {
        inputs["group"] = groupId.ToString(CultureInfo.InvariantCulture);
        inputs["section"] = section;
        inputs["baseVersion"] = baseVersion.ToString(CultureInfo.InvariantCulture);
        return wire.ExecuteAsync(user, ReportVerbs.SaveSubGroupSettings, inputs, ct);
    }

    /// The paragraphs under heading <paramref name="from"/> up to the next heading <paramref name="to"/> (or the end).
    private static List<string> Section(DocxReader doc, string from, string? to) =>
        [.. doc.Paragraphs().SkipWhile(p => p.Text != from).Skip(1).TakeWhile(p => p.Text != to).Where(p => p.Text.Length > 0).Select(p => p.Text)];

    /// Stronger Communities' Q2-Q4 from the seed updates (000, 002, 000 again) beside SignOffWorld's Q1; its chair
    /// works for Public Health and Maggie Dent of the CCG sits on it, as in 003.
    private static Task<int> AYearOfUpdatesAsync(RoundsWire wire, CancellationToken ct) => wire.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<OspDbContext>();
        var group = await db.Groups.SingleAsync(g => g.Key == "stronger-communities", ct);
        var chair = await db.People.SingleAsync(p => p.EntraObjectId == ChairSc.Aad, ct);
        chair.Organisation = "Public Health";
        db.People.Add(new Person { Name = "Maggie Dent", Organisation = "Clinical Commissioning Group", Memberships = [new Membership { GroupId = group.Id, Role = MembershipRole.Member }] });
        var seeds = new[] { SeedTexts.Mid2019, SeedTexts.Early2019Ocr, SeedTexts.Mid2019 };
        for (var q = 2; q <= 4; q++)
        {
            var seed = SeedTexts.Sections(seeds[q - 2]);
            var round = await db.Rounds.SingleAsync(r => r.FinancialYearStart == Year && r.Quarter == q, ct);
            db.SubGroupUpdates.Add(new SubGroupUpdate
            {
                RoundId = round.Id,
                GroupId = group.Id,
                Status = UpdateStatus.Submitted,
                CurrentVersion = 1,
                SubmittedVersion = 1,
                SubmittedAt = DateTimeOffset.UnixEpoch.AddDays(q),
                Versions =
                [
                    new UpdateVersion
                    {
                        Number = 1, Kind = VersionKind.Submitted, Achievements = seed.Achievements, Plans = seed.Plans, Challenges = seed.Challenges,
                        Requests = seed.Requests, Rag = Rag.Green, SavedByPersonId = chair.Id, SavedAt = DateTimeOffset.UnixEpoch.AddDays(q),
                    },
                ],
            });
        }
        await db.SaveChangesAsync(ct);
        return group.Id;
    });
}
