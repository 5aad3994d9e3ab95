using Microsoft.Playwright;

namespace OspBot.Tests.EndToEnd;

/// Debian's headless Chromium on the playground's Teams-like UI, through Microsoft.Playwright. The browser is
/// the system one (ExecutablePath): Playwright never downloads one here. A fresh profile per browser.
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    public static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");

    /// Debian's Chromium headless in a container: the launch options every browser test uses.
    internal static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profileDir;

    private PlaygroundBrowser(IPlaywright playwright, IBrowserContext context, IPage page, string profileDir)
    {
        _playwright = playwright;
        _context = context;
        _profileDir = profileDir;
        Page = page;
    }

    public IPage Page { get; }

    /// Every Adaptive Card rendered in the chat, oldest first.
    public ILocator Cards => Page.Locator(".ac-adaptiveCard");

    /// The first card the bot rendered after the current user's message <paramref name="myText"/>: the reply to it,
    /// however many welcome cards came before (the user's bubble is a plain span; the Log Panel has no cards).
    public ILocator CardAfter(string myText) => Page.Locator(
        $"xpath=//span[normalize-space()='{myText}']/following::div[contains(concat(' ', normalize-space(@class), ' '), ' ac-adaptiveCard ')]").First;

    /// Like <see cref="CardAfter"/>, but after the latest of the user's messages <paramref name="myText"/>, for a
    /// command said twice: the latest such text that a card follows (the Log Panel, after the chat, repeats it).
    public ILocator CardAfterLast(string myText) => Page.Locator(
        $"xpath=(//span[normalize-space()='{myText}'][following::div[{CardClass}]])[last()]/following::div[{CardClass}]").First;

    private const string CardClass = "contains(concat(' ', normalize-space(@class), ' '), ' ac-adaptiveCard ')";

    /// Opens the UI; the page load itself installs the bot in the personal chat (the welcome card follows).
    public static async Task<PlaygroundBrowser> OpenAsync(Uri playgroundUrl)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var profileDir = Directory.CreateTempSubdirectory("ospbot-e2e-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profileDir, new()
        {
            ExecutablePath = E2EPrerequisites.Chromium,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = new() { Width = 1400, Height = 900 },
        });
        // The 9 MB UI bundle takes 5-10 s to start on a busy 2-core machine.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await page.GotoAsync(playgroundUrl.ToString());
        return new PlaygroundBrowser(playwright, context, page, profileDir);
    }

    /// Types in the compose box of the open chat and presses Enter, as a user would.
    public async Task SendAsync(string text)
    {
        var compose = Page.Locator("[role=\"textbox\"][contenteditable=\"true\"]").First;
        await compose.ClickAsync();
        await compose.PressSequentiallyAsync(text);
        await compose.PressAsync("Enter");
    }

    /// Saves a full-page PNG under TestResults/e2e of the test output folder and returns its path.
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ArtifactsDir);
        var path = Path.Combine(ArtifactsDir, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// Saves one card alone, however tall, as a PNG under TestResults/e2e and returns its path.
    public async Task<string> ScreenshotAsync(ILocator card, string name)
    {
        ArgumentNullException.ThrowIfNull(card);
        Directory.CreateDirectory(ArtifactsDir);
        var path = Path.Combine(ArtifactsDir, $"{name}.png");
        // The chat scrolls inside the page, so a card taller than the window is cut off: the window grows for the shot.
        var viewport = Page.ViewportSize ?? new() { Width = 1400, Height = 900 };
        var height = (int)Math.Ceiling((await card.BoundingBoxAsync())?.Height ?? 0);
        var grown = height + 600 > viewport.Height;
        if (grown)
        {
            await Page.SetViewportSizeAsync(viewport.Width, height + 600);
        }
        await card.ScreenshotAsync(new() { Path = path });
        if (grown)
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profileDir, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; a stale temp profile is harmless.
        }
    }
}
