using System.Diagnostics;
using Microsoft.Playwright;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Tests.EndToEnd;

/// Issue 15, end to end in the Agents Playground through headless Chromium: "a request submitted, answered by the
/// secretariat, shown on the next quarter's prompt card." Hannah is the secretariat and the lead of Stronger
/// Communities (<see cref="OspDirectoryFixture"/>): she opens next quarter's round, checks how her section 4 will be
/// listed and submits it, answers one request from `requests`, then opens the quarter after (the open-round form
/// offers the next three quarters), whose prompt card says what she asked and what the OSP did.
public sealed class RequestsRegisterUiTests(OspDirectoryFixture playground) : EndToEndTest<OspDirectoryFixture>(playground)
{
    private const string PromptHeading = "Your quarterly update to the OSP";
    private const string Venue = "A venue for the youth summit in March";
    private const string Officer = "Help finding a supporting officer";
    private const string Response = "Booked the Town Hall for 4 March";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task A_request_submitted_is_answered_from_the_register_and_shown_on_the_next_quarters_prompt_card()
    {
        SkipIfUnavailable(browser: true);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        await browser.Page.SetViewportSizeAsync(1400, 2000);
        var quarter = RoundCalendar.QuarterOf(DateTimeOffset.UtcNow).Next;
        try
        {
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);
            var prompt = await OpenRoundAsync(browser, quarter, expectedCards: 0);
            await CheckAndSubmitAsync(browser, prompt);
            await AnswerFromRegisterAsync(browser, quarter.Label);
            var next = await OpenRoundAsync(browser, quarter.Next, expectedCards: 1);

            await Assertions.Expect(next).ToContainTextAsync($"You asked ({quarter.Label}): “{Venue}”");
            await Assertions.Expect(next).ToContainTextAsync($"The OSP did: “{Response}” (Done)");
            await Assertions.Expect(next).ToContainTextAsync($"You asked ({quarter.Label}): “{Officer}”");
            await Assertions.Expect(next).ToContainTextAsync("Does this request still stand?");
            Step("next quarter's prompt shows what was asked and done");
            await Shot(browser, next, "requests-04-next-quarter-prompt");
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("requests-failure")}");
            throw;
        }
    }

    /// "open round" for <paramref name="quarter"/>, meeting in 18 days so the prompts are due at once; the prompt
    /// card that follows (the <paramref name="expectedCards"/>-th "open round" of this chat).
    private async Task<ILocator> OpenRoundAsync(PlaygroundBrowser browser, FinancialQuarter quarter, int expectedCards)
    {
        await browser.SendAsync("open round");
        var form = browser.Page.Locator(
            "xpath=//span[normalize-space()='open round']/following::div[contains(concat(' ', normalize-space(@class), ' '), ' ac-adaptiveCard ')][1]").Nth(expectedCards);
        await Assertions.Expect(form).ToContainTextAsync("Open a quarterly update round");
        await PlaygroundInputs.ChooseAsync(browser.Page, form.GetByRole(AriaRole.Combobox, new() { Name = "Quarter" }), quarter.Label);
        var meeting = London.Date(DateTimeOffset.UtcNow).AddDays(18);
        await PlaygroundInputs.PickDateAsync(browser.Page, form.GetByRole(AriaRole.Combobox, new() { Name = "Steering group meeting date" }), meeting);
        var cardsBefore = await browser.Cards.CountAsync();

        await form.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();

        await Assertions.Expect(form).ToContainTextAsync($"Quarterly updates: {quarter.Label}");
        var prompt = browser.Cards.Nth(cardsBefore);
        await Assertions.Expect(prompt).ToContainTextAsync(PromptHeading);
        await Assertions.Expect(prompt).ToContainTextAsync(quarter.Label);
        Step($"round {quarter.Label} opened, prompt arrived");
        return prompt;
    }

    private async Task CheckAndSubmitAsync(PlaygroundBrowser browser, ILocator prompt)
    {
        var sections = prompt.Locator("textarea");
        string[] texts = ["Launched the community hubs pilot.", "Extend the pilot to Rose Hill.", "No supporting officer since February.", $"• {Venue}\n• {Officer}"];
        for (var i = 0; i < texts.Length; i++)
        {
            await sections.Nth(i).FillAsync(texts[i]);
        }
        await PlaygroundInputs.ChooseAsync(browser.Page, prompt.GetByRole(AriaRole.Combobox, new() { Name = "Overall status (RAG)" }), "Green");

        await prompt.GetByRole(AriaRole.Button, new() { Name = "Check how my requests will be listed" }).ClickAsync();

        await Assertions.Expect(prompt).ToContainTextAsync("These go to the OSP's requests register as 2 requests:");
        await Assertions.Expect(prompt).ToContainTextAsync($"1. {Venue}");
        await Assertions.Expect(prompt).ToContainTextAsync($"2. {Officer}");
        // The card came back as typed: nothing lost, nothing saved.
        await Assertions.Expect(prompt.Locator("textarea").First).ToHaveValueAsync(texts[0]);
        await Assertions.Expect(prompt.Locator("textarea").Nth(3)).ToHaveValueAsync(texts[3]);
        await Assertions.Expect(prompt).Not.ToContainTextAsync("Last saved");
        Step("split checked");
        await Shot(browser, prompt, "requests-01-split-checked");

        await prompt.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        await Assertions.Expect(prompt).Not.ToContainTextAsync(PromptHeading);
        await Assertions.Expect(prompt.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToBeVisibleAsync();
        Step("submitted");
    }

    /// `requests`, then on the first request (the venue) Update: status Done and the response, Save.
    private async Task AnswerFromRegisterAsync(PlaygroundBrowser browser, string quarterLabel)
    {
        await browser.SendAsync("requests");
        var register = browser.CardAfter("requests");
        await Assertions.Expect(register).ToContainTextAsync("Requests register");
        await Assertions.Expect(register).ToContainTextAsync(Venue);
        await Assertions.Expect(register).ToContainTextAsync(Officer);
        Step("register listed");
        await Shot(browser, register, "requests-02-register");

        await register.GetByRole(AriaRole.Button, new() { Name = "Update" }).First.ClickAsync();
        var response = register.GetByRole(AriaRole.Textbox, new() { Name = "What the OSP did (the response)" }).First;
        await Assertions.Expect(response).ToBeVisibleAsync();
        await PlaygroundInputs.ChooseAsync(browser.Page, register.GetByRole(AriaRole.Combobox, new() { Name = "Status" }).First, "Done");
        await response.FillAsync(Response);
        await register.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();

        // The register comes back with the request answered: Done, and what the OSP did.
        await Assertions.Expect(register).ToContainTextAsync("Saved.");
        await Assertions.Expect(register).ToContainTextAsync($"“{Venue}”Sub-groupStronger CommunitiesQuarter{quarterLabel}StatusDone");
        await Assertions.Expect(register).ToContainTextAsync($"The OSP did{Response}");
        Step("request answered");
        await Shot(browser, register, "requests-03-answered");
    }

    private void Step(string what) => Log($"{_clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    private static async Task Shot(PlaygroundBrowser browser, ILocator card, string name)
    {
        await card.ScrollIntoViewIfNeededAsync();
        Log($"Screenshot: {await browser.ScreenshotAsync(name)}");
    }
}
