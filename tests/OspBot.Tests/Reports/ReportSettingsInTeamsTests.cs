using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Reports.Settings;
using OspBot.Tests.Cards;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Reports;

/// The year's report settings edited from Teams over the real HTTP pipeline (OspBotApp + FakeConnector), kept with
/// every version, and read by the next compilation. Every card is schema-checked by the wire.
public sealed class ReportSettingsInTeamsTests
{
    private const string Save = "reports.settings.save";

    [Fact]
    public async Task Secretariat_edits_the_cover_and_a_sub_group_and_the_next_compilation_prints_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ReportWorld.RealClock);
        await wire.LinkAsync(ct);
        await ReportWorld.SeedUpdatesAsync(wire.App, ct);

        var cover = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));
        Assert.Contains("Report settings for 2024/25", Text(cover));
        Assert.Contains("Not saved for 2024/25 yet", Text(cover));
        Assert.Equal("Councillor Susan Brown", InputValue(cover, "cabinetMemberName"));
        Assert.Equal("0", CardData.Of(cover, Save)["baseVersion"]!.GetValue<string>());

        var saved = await wire.ExecuteAsync(Sec, Save, CardData.Of(cover, Save)
            .With("councilMeetingDate", "2025-07-14").With("cabinetMemberName", "Councillor Ada Lovelace"), ct);
        Assert.Contains("Saved as version 1: Council meeting date, Cabinet member (name).", Text(saved));
        Assert.Equal("2025-07-14", InputValue(saved, "councilMeetingDate"));

        var subGroups = await wire.ExecuteAsync(Sec, "reports.settings", new JsonObject { ["year"] = "2024/25", ["section"] = "SubGroups" }, ct);
        Assert.Contains("The Economic Growth Steering Board", InputValue(subGroups, "description.economic-development"), StringComparison.Ordinal);
        saved = await wire.ExecuteAsync(Sec, Save, CardData.Of(subGroups, Save)
            .With("description.economic-development", "The EGSB steers the city's economic strategy.\nIt meets every quarter."), ct);
        Assert.Contains("Saved as version 2: Economic Development: description.", Text(saved));
        Assert.Equal(["Version 2", "Version 1"], CardQueries.FactTitles(saved)); // the recent versions

        var versions = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().ReportSettingsVersions.AsNoTracking()
            .Where(v => v.FinancialYear == 2024).OrderBy(v => v.Version).ToListAsync(ct));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.NotEqual("", v.ChangedByName));
        Assert.Contains("The Economic Growth Steering Board", versions[0].ProfileJson, StringComparison.Ordinal); // kept as it was
        Assert.DoesNotContain("The Economic Growth Steering Board", versions[1].ProfileJson, StringComparison.Ordinal);

        Assert.Single(await wire.SayAsync(Sec, "compile report 2024/25", ct));
        var ready = ReportWorld.CardOf((await ReportWorld.WaitForCardAsync(wire.Connector, ReportWorld.ReadyHeading, ct)).Body!.Value);
        Assert.True(CardData.Has(ready, "reports.settings"));
        using var doc = new DocxReader(await wire.Client.GetByteArrayAsync(ReportWorld.ActionUrl(ready, "Download (.docx)"), ct));
        var coverRows = DocxReader.Rows(doc.Tables()[0]);
        Assert.Contains(["Date", "14 July 2025"], coverRows);
        Assert.Contains(coverRows, r => r[0] == "Cabinet Member with responsibility" && r[1].StartsWith("Councillor Ada Lovelace, ", StringComparison.Ordinal));
        var text = doc.Paragraphs().Select(p => p.Text).ToList();
        Assert.Contains("The EGSB steers the city's economic strategy.", text);
        Assert.Contains("It meets every quarter.", text);
        Assert.DoesNotContain(text, p => p.Contains("The Economic Growth Steering Board", StringComparison.Ordinal));
        Assert.Empty(doc.ValidationErrors());
    }

    [Fact]
    public async Task Someone_outside_the_secretariat_can_neither_see_nor_save_the_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var cover = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));

        Assert.Contains("Sorry, only the OSP secretariat can use “report settings”.", Text(Assert.Single(await wire.SayAsync(LeadA, "report settings 2024/25", ct))));
        var pressed = await wire.ExecuteAsync(LeadA, Save, CardData.Of(cover, Save).With("cabinetMemberName", "Councillor Mallory"), ct);

        Assert.DoesNotContain("Saved", Text(pressed), StringComparison.Ordinal);
        Assert.Equal(0, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().ReportSettingsVersions.CountAsync(ct)));
    }

    [Fact]
    public async Task Invalid_settings_are_refused_field_by_field_and_everything_typed_stays_on_the_card()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var cover = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));
        var longPurpose = new string('p', 501);

        var refused = await wire.ExecuteAsync(Sec, Save, CardData.Of(cover, Save)
            .With("councilMeetingDate", "2025-03-01").With("purpose", longPurpose).With("cabinetMemberName", "Councillor Ada Lovelace"), ct);

        var shown = Text(refused);
        Assert.Contains("Nothing was saved: 2 fields need a change (below). What you typed is kept.", shown);
        Assert.Contains("must come after the year ends on 31 March 2025; 1 March 2025 is not.", shown);
        Assert.Contains("Purpose of report is 501 characters long; it can be at most 500.", shown);
        Assert.Equal("2025-03-01", InputValue(refused, "councilMeetingDate"));
        Assert.Equal(longPurpose, InputValue(refused, "purpose"));
        Assert.Equal("Councillor Ada Lovelace", InputValue(refused, "cabinetMemberName"));

        var closing = await wire.ExecuteAsync(Sec, "reports.settings", new JsonObject { ["year"] = "2024/25", ["section"] = "Closing" }, ct);
        Assert.Equal("8,320", InputValue(closing, "budget"));
        refused = await wire.ExecuteAsync(Sec, Save, CardData.Of(closing, Save).With("budget", "eight grand").With("budgetYear", "2025/26"), ct);
        Assert.Contains("Budget (£): write an amount in pounds, e.g. £8,320 or 8320.50 (not \"eight grand\").", Text(refused));
        Assert.Equal("eight grand", InputValue(refused, "budget"));
        Assert.Equal("2025/26", InputValue(refused, "budgetYear"));
        Assert.Equal(0, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().ReportSettingsVersions.CountAsync(ct)));

        var fixedUp = await wire.ExecuteAsync(Sec, Save, CardData.Of(refused, Save).With("budget", "£9,150.50").With("budgetYear", "2025/26"), ct);
        Assert.Contains("Saved as version 1: Budget (£), Budget year.", Text(fixedUp));
        Assert.Equal("9,150.5", InputValue(fixedUp, "budget"));
    }

    [Fact]
    public async Task A_save_from_a_card_older_than_the_last_version_is_held_back_with_its_text_until_saved_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var first = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));
        var second = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));
        await wire.ExecuteAsync(Sec, Save, CardData.Of(first, Save).With("reportOf", "Director of Communities"), ct);

        var stale = await wire.ExecuteAsync(Sec, Save, CardData.Of(second, Save).With("reportOf", "Chief Executive"), ct);

        Assert.Contains("saved version 1 while you were editing, so nothing was saved", Text(stale));
        Assert.Equal("Chief Executive", InputValue(stale, "reportOf"));
        var again = await wire.ExecuteAsync(Sec, Save, CardData.Of(stale, Save).With("reportOf", "Chief Executive"), ct);
        Assert.Contains("Saved as version 2: Report of.", Text(again));
    }

    [Fact]
    public async Task A_new_year_starts_from_last_years_settings_without_its_meeting_date_or_notes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var cover = Assert.Single(await wire.SayAsync(Sec, "report settings 2024/25", ct));
        await wire.ExecuteAsync(Sec, Save, CardData.Of(cover, Save).With("councilMeetingDate", "2025-07-14").With("cabinetMemberName", "Councillor Ada Lovelace"), ct);
        var subGroups = await wire.ExecuteAsync(Sec, "reports.settings", new JsonObject { ["year"] = "2024/25", ["section"] = "SubGroups" }, ct);
        await wire.ExecuteAsync(Sec, Save, CardData.Of(subGroups, Save).With("note.safer-communities", "The group paused while its chair changed."), ct);

        var next = await wire.InScopeAsync(sp => sp.GetRequiredService<ReportSettings>().ForYearAsync(2025, ct));

        Assert.Equal((SettingsOrigin.CarriedForward, 2024, 0), (next.Origin, next.FromYear, next.Version));
        Assert.Null(next.Profile.Cover.CouncilMeetingDate);
        Assert.Equal("Councillor Ada Lovelace", next.Profile.Cover.CabinetMemberName);
        Assert.All(next.Profile.SubGroups, s => Assert.Null(s.Note));
        Assert.Equal("2025/26", next.Profile.BudgetYear);
        var card = Assert.Single(await wire.SayAsync(Sec, "report settings 2025/26", ct));
        Assert.Contains("these are 2024/25's settings", Text(card));
        Assert.Equal("Councillor Ada Lovelace", InputValue(card, "cabinetMemberName"));
    }

    private static string Text(JsonElement card) => string.Join("\n", CardQueries.Texts(card).Select(CardQueries.Displayed));

    private static string InputValue(JsonElement card, string id) =>
        CardQueries.Descendants(card).Single(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var i) && i.GetString() == id)
            .TryGetProperty("value", out var v) ? v.GetString()! : "";
}
