using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OspBot.Common;
using OspBot.Data;
using OspBot.Rounds;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Seeds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.UpdateForm;

/// Issue 16: a partner outside the council's Teams writes the quarterly update on the web form their prompt e-mail
/// links to, in headless Chromium against the real host: seed 000 typed in, a draft saved, the form opened again
/// from the e-mail, submitted, edited, and locked once the deadline passes; the same rules as the Teams card, the
/// versions "via e-mail" and the status card saying so; accessible (axe) and readable on a phone.
[Collection(EndToEndGroup.Name)]
public sealed class UpdateFormBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partner_drafts_comes_back_submits_and_edits_the_update_from_the_e_mail_until_the_deadline_locks_it()
    {
        SkipWithoutChromium();
        await using var site = await UpdateFormSite.StartAsync(Ct);
        var link = await site.LinkInPromptAsync(LeadA, Ct);
        var seed = SeedTexts.Sections(SeedTexts.Mid2019);
        var page = await site.NewPageAsync();

        Assert.Equal(200, (await page.GotoAsync(link.AbsoluteUri))!.Status);
        await page.Locator("#achievements").FillAsync(seed.Achievements);
        await page.Locator("#plans").FillAsync(seed.Plans);
        await page.Locator("#challenges").FillAsync(seed.Challenges);
        await page.Locator("#requests").FillAsync(seed.Requests);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your draft is saved");

        await page.GotoAsync(link.AbsoluteUri);   // back later, from the e-mail
        // Stored as typed but for Word's symbol-font bullets, which every channel normalises on save.
        Assert.Equal(PastedText.NormaliseBullets(seed.Achievements.ReplaceLineEndings("\n")), await page.Locator("#achievements").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();   // no status chosen yet
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Choose an overall status");
        Assert.Equal("#rag-green", await summary.GetByRole(AriaRole.Link).First.GetAttributeAsync("href"));
        await AssertAccessibleAsync(page, "with an error");

        await page.Locator("#rag-green").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your update is submitted");
        await page.Locator("#challenges").FillAsync(seed.Challenges + "\nRecruitment to the new post is now under way.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your update is submitted");
        await AssertAccessibleAsync(page, "submitted");
        var status = Assert.Single(await site.Wire.SayAsync(Sec, "status", Ct)).GetRawText();
        var versions = await VersionsAsync(site, Ct);

        var phone = await site.NewPageAsync(390, 844);
        await phone.GotoAsync(link.AbsoluteUri);
        var shot = await UpdateFormSite.ScreenshotAsync(phone, "update-form-phone");
        var phoneWidth = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        site.Wire.Clock.Advance(await site.DeadlineAsync(Ct) - site.Wire.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        await page.GotoAsync(link.AbsoluteUri);

        Assert.Contains("via e-mail", status, StringComparison.Ordinal);
        // The submission refused for want of a status changed nothing, so it stored no second draft.
        Assert.Equal([VersionKind.Draft, VersionKind.Submitted, VersionKind.Submitted], versions.Select(v => v.Kind));
        Assert.All(versions, v => Assert.True(v.ViaEmail));
        Assert.Equal(Rag.Green, versions[^1].Rag);
        Assert.EndsWith("now under way.", versions[^1].Challenges, StringComparison.Ordinal);
        Assert.True(File.Exists(shot));
        Assert.True(phoneWidth <= 390, $"The form is {phoneWidth}px wide on a 390px phone.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("it is locked");
        Assert.Equal(0, await page.Locator("textarea, button").CountAsync());
        Assert.Contains("now under way.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_someone_elses_and_expired_links_all_get_the_same_page_naming_who_to_contact()
    {
        SkipWithoutChromium();
        await using var site = await UpdateFormSite.StartAsync(Ct);
        var linkA = await site.LinkInPromptAsync(LeadA, Ct);
        var linkB = await site.LinkInPromptAsync(LeadB, Ct);
        var page = await site.NewPageAsync();
        var tokenA = linkA.Query[3..];
        var tampered = $"{linkA.GetLeftPart(UriPartial.Path)}?t={tokenA[..^2]}{(tokenA[^2] == 'A' ? 'B' : 'A')}{tokenA[^1]}";
        var othersToken = $"{linkA.GetLeftPart(UriPartial.Path)}{linkB.Query}";

        var pages = new List<(int Status, string Text)>();
        foreach (var url in new[] { tampered, othersToken, linkA.GetLeftPart(UriPartial.Path) })
        {
            var response = await page.GotoAsync(url);
            pages.Add((response!.Status, await page.Locator("main").InnerTextAsync()));
        }
        await AssertAccessibleAsync(page, "refusal");
        var own = (await page.GotoAsync(linkA.AbsoluteUri))!.Status;
        site.Wire.Clock.Advance(TimeSpan.FromDays(40));   // past the round's meeting (2 Nov 2026)
        var expired = await page.GotoAsync(linkA.AbsoluteUri);
        pages.Add((expired!.Status, await page.Locator("main").InnerTextAsync()));

        Assert.Equal(200, own);
        Assert.All(pages, p => Assert.Equal(pages[0], p));
        Assert.Equal(404, pages[0].Status);
        Assert.Contains("This link does not work", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("OSP secretariat", pages[0].Text, StringComparison.Ordinal);
    }

    private static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, $"axe on the form ({state}): " + string.Join("; ", serious));
    }

    private static Task<List<UpdateVersion>> VersionsAsync(UpdateFormSite site, CancellationToken ct) =>
        site.Wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            var leadA = await db.People.AsNoTracking().SingleAsync(p => p.EntraObjectId == LeadA.Aad, ct);
            return await db.UpdateVersions.AsNoTracking().Where(v => v.SavedByPersonId == leadA.Id).OrderBy(v => v.Number).ToListAsync(ct);
        });

    internal static void SkipWithoutChromium()
    {
        if (!File.Exists(E2EPrerequisites.Chromium))
        {
            Assert.Skip($"Update form browser test skipped: {E2EPrerequisites.Chromium} missing (apt-get install chromium).");
        }
    }
}
