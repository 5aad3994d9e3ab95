using Microsoft.Playwright;

namespace OspBot.Tests.EndToEnd;

/// Through the playground's Teams-like UI in headless Chromium, as a person would use it.
public sealed class HelpUiTests(PlaygroundFixture playground) : EndToEndTest(playground)
{
    [Fact]
    public async Task Opening_the_chat_shows_the_welcome_card_and_help_shows_the_help_card()
    {
        SkipIfUnavailable(browser: true);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        try
        {
            // Page load installs the app: the welcome card is the first card in the chat.
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);

            await browser.SendAsync("help");

            var help = browser.CardAfter("help");
            await Assertions.Expect(help).ToBeVisibleAsync();
            await Assertions.Expect(help).ToContainTextAsync(HelpHeading);
            Log($"Screenshot: {await browser.ScreenshotAsync("help")}");
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("help-failure")}");
            throw;
        }
    }
}
