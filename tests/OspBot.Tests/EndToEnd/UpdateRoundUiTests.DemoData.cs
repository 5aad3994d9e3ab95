using Microsoft.Playwright;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Tests.EndToEnd;

/// The steps of the walk that need run.sh's --demo-data or show the card states of issue 13: the required sections
/// checked inline on Submit, the read-only view of the demo's earlier quarters (seeds 000 and 002: paragraphs, list
/// items and the RAG as a word), and the edit card of a submitted update. Each card is kept as a screenshot.
public sealed partial class UpdateRoundUiTests
{
    private static readonly string[] RequiredMessages =
    [
        "1. Achievements since last update is required to submit.",
        "2. Plans for the next six months is required to submit.",
        "3. Challenges and/or blocks to progress is required to submit.",
        "Choose an overall status: green, amber or red.",
    ];

    /// Submit on the untouched prompt: nothing is sent, each required field says so under itself.
    private async Task RequiredSectionsAsync(PlaygroundBrowser browser, ILocator prompt)
    {
        // Last quarter (seed 000) left plans, so the prompt asks how they went.
        await Assertions.Expect(prompt).ToContainTextAsync("Last quarter's plans: how did they go?");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        foreach (var message in RequiredMessages)
        {
            await Assertions.Expect(prompt).ToContainTextAsync(message);
        }
        await Assertions.Expect(prompt.Locator("textarea")).ToHaveCountAsync(Sections.Length);
        Step("required sections refused inline");
        await CardShot(browser, prompt, "readme-04-required-sections");
    }

    /// "Read" on the history card replaces it with the update; the other quarter is one more "history" away.
    private async Task ReadEarlierQuartersAsync(PlaygroundBrowser browser)
    {
        var lastQuarter = Before(FinancialQuarter.Of(London.Date(DateTimeOffset.UtcNow)));
        var seed000 = await ReadAsync(browser.CardAfter("history Stronger Communities"), lastQuarter);
        // Seed 000 as the PDF gave it: paragraphs reflowed, its symbol-font bullets now list items.
        await Assertions.Expect(seed000).ToContainTextAsync("aligning the seminar in Blackbird Leys with existing work of the group");
        await Assertions.Expect(seed000).ToContainTextAsync("• The Leys");
        await Assertions.Expect(seed000).ToContainTextAsync("• Asset mapping to inform LEP");
        Step("seed 000 read");
        await CardShot(browser, seed000, "readme-05-read-seed-000");

        await browser.SendAsync("history Stronger Communities");
        var seed002 = await ReadAsync(browser.CardAfterLast("history Stronger Communities"), Before(lastQuarter));
        // Seed 002 as the scan gave it: its OCR "e" bullets are list items.
        await Assertions.Expect(seed002).ToContainTextAsync("Most recently OCVA have become engaged with the group.");
        await Assertions.Expect(seed002).ToContainTextAsync("• Continued support for the Stronger Communities focus on addressing inequalities.");
        Step("seed 002 read");
        await CardShot(browser, seed002, "round-09-read-seed-002");
    }

    private static async Task<ILocator> ReadAsync(ILocator history, FinancialQuarter quarter)
    {
        await Assertions.Expect(history).ToContainTextAsync(quarter.Label);
        // The entry's title is the quarter; its Read button is the first one after it.
        await history.Locator($"xpath=.//*[normalize-space()='{quarter.Label}']/following::button[normalize-space()='Read'][1]").First.ClickAsync();

        // The history card becomes the update, read-only, with the RAG status in words.
        await Assertions.Expect(history).ToContainTextAsync("Quarterly update");
        await Assertions.Expect(history).ToContainTextAsync(quarter.Label);
        await Assertions.Expect(history).ToContainTextAsync("RAG status: Green");
        await Assertions.Expect(history).ToContainTextAsync("targets the areas of Oxford with the worst outcomes");
        await Assertions.Expect(history.Locator("textarea, input")).ToHaveCountAsync(0);
        return history;
    }

    /// The README's "compile report" with the financial year of the demo's last quarter (seed 000); alone, the command
    /// compiles the last complete year, which the demo may have nothing for. Seed 000 counts as received, and only
    /// the sub-groups the demo has no update from are listed as missing for that quarter.
    private async Task CompileReportAsync(PlaygroundBrowser browser)
    {
        var lastQuarter = Before(FinancialQuarter.Of(London.Date(DateTimeOffset.UtcNow)));
        var year = lastQuarter.Label[3..];
        await browser.SendAsync($"compile report {year}");
        var report = browser.CardAfter($"compile report {year}");
        await Assertions.Expect(report).ToContainTextAsync($"The {year} annual report is ready", new() { Timeout = 90_000 });
        await Assertions.Expect(report).ToContainTextAsync($"Economic Development: Q{lastQuarter.Quarter}");
        await Assertions.Expect(report).Not.ToContainTextAsync($"Stronger Communities: Q{lastQuarter.Quarter}");
        Step("report compiled");
        await Shot(browser, report, "round-08-report-ready");
    }

    /// Edit on the submitted update: the edit card says it replaces the submitted one, and offers no snooze.
    private async Task EditAfterSubmitAsync(PlaygroundBrowser browser, ILocator summary)
    {
        await summary.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();

        await Assertions.Expect(summary).ToContainTextAsync("Editing your submitted update");
        await Assertions.Expect(summary).ToContainTextAsync("You are editing your submitted update (submitted ");
        await Assertions.Expect(summary).ToContainTextAsync("Submit replaces it");
        await Assertions.Expect(summary.Locator("textarea").First).ToHaveValueAsync(Sections[0]);
        await Assertions.Expect(summary.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Button, new() { Name = "Remind me tomorrow" })).ToHaveCountAsync(0);
        Step("editing the submitted update");
        await CardShot(browser, summary, "readme-06-edit-after-submit");
    }

    private static FinancialQuarter Before(FinancialQuarter quarter) => FinancialQuarter.Of(quarter.FirstDay.AddMonths(-3));

    private static async Task CardShot(PlaygroundBrowser browser, ILocator card, string name) =>
        Log($"Screenshot: {await browser.ScreenshotAsync(card, name)}");
}
