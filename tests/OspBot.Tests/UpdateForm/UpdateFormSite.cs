using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using OspBot.Data;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Mail;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.UpdateForm;

/// The whole bot listening on a loopback port, a round open, and the prompts dispatched: LeadA and LeadB (partners
/// outside the council's tenant, no chat with OspBot) each have the prompt e-mail in the pickup folder, with the link
/// to their own sub-group's update form. Plus Debian's headless Chromium to open it.
internal sealed partial class UpdateFormSite : IAsyncDisposable
{
    public static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "TestResults", "update-form");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private UpdateFormSite(RoundsWire wire, string pickup)
    {
        Wire = wire;
        Pickup = pickup;
    }

    public RoundsWire Wire { get; }

    public string Pickup { get; }

    [GeneratedRegex(@"update for Q3 2026/27: (?<url>http\S+)")]
    private static partial Regex FormLink();

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    /// The page's anti-forgery field, its value decoded as a browser would post it back.
    public static (string Name, string Value) AntiforgeryField(string page)
    {
        var field = AntiforgeryPattern().Match(page);
        Assert.True(field.Success, "The page has no anti-forgery field.");
        return (field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value));
    }

    public static async Task<UpdateFormSite> StartAsync(CancellationToken ct, params (string Key, string Value)[] settings)
    {
        var pickup = MailWire.NewFolder();
        var wire = await StartListeningAsync([("Mail:PickupFolder", pickup), ("Mail:TenantDomains:0", "oxford.gov.uk"), .. settings]);
        await wire.LinkAsync(ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        return new UpdateFormSite(wire, pickup);
    }

    /// The form's link as the prompt e-mail to this lead carries it (read back with MimeKit), in both bodies.
    public async Task<Uri> LinkInPromptAsync(TeamsUser lead, CancellationToken ct)
    {
        var (_, email) = await MailWire.PersonAsync(Wire, lead, ct);
        var prompt = Assert.Single(MailWire.To(Pickup, email), m => m.Subject?.Contains("is open", StringComparison.Ordinal) == true);
        return LinkIn(prompt);
    }

    public static Uri LinkIn(MimeMessage mail)
    {
        var link = new Uri(FormLink().Match(mail.TextBody!).Groups["url"].Value);
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(link.AbsoluteUri)}\"", mail.HtmlBody, StringComparison.Ordinal);
        return link;
    }

    public Task<DateTimeOffset> DeadlineAsync(CancellationToken ct) =>
        Wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Rounds.AsNoTracking().Select(r => r.DeadlineAt).SingleAsync(ct));

    /// A new page in a fresh browser context, sized as asked (a desktop by default).
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = E2EPrerequisites.Chromium,
            Headless = true,
            Args = PlaygroundBrowser.ChromiumArgs,
        });
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDir);
        var path = Path.Combine(ArtifactsDir, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Wire.DisposeAsync();
    }
}
