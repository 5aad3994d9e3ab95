using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace OspBot.Tests.EndToEnd;

/// Issue 14, end to end in the Agents Playground: the secretariat compiles, Stronger Communities' part reaches its
/// approver's chat through the outbox, she approves it on the card, the secretariat compiles again and the
/// downloaded .docx prints the part with who approved it in its Word comment. The playground acts as one user, so
/// Hannah is both: the demo directory makes her secretariat and lead of Stronger Communities, which has no chair, so
/// its part goes to her. A year no other test compiles (2023/24), since a year's sign-off starts once.
public sealed class PartSignOffUiTests(OspDirectoryFixture playground) : EndToEndTest<OspDirectoryFixture>(playground)
{
    private const string Year = "2023/24";
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_chair_approves_their_part_in_the_chat_the_secretariat_compiles_and_the_docx_says_who_approved()
    {
        SkipIfUnavailable(browser: true);
        await using var feed = await Playground.Client.OpenFeedAsync(Ct);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        await browser.Page.SetViewportSizeAsync(1400, 2400);
        try
        {
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);
            await browser.SendAsync($"compile report {Year}");
            await Assertions.Expect(browser.CardAfter($"compile report {Year}"))
                .ToContainTextAsync($"The {Year} annual report is ready", new() { Timeout = (float)CompileTimeout.TotalMilliseconds });

            var part = browser.Cards.Filter(new() { HasText = $"Stronger Communities: your part of the {Year} annual report" });
            await Assertions.Expect(part).ToHaveCountAsync(1, new() { Timeout = (float)ReplyTimeout.TotalMilliseconds });
            await part.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Assertions.Expect(browser.Cards.Filter(new() { HasText = "Approved version 1" })).ToHaveCountAsync(1);
            Log($"Screenshot: {await browser.ScreenshotAsync("part-approved")}");

            await browser.SendAsync($"compile report {Year}");
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("part-signoff-failure")}");
            throw;
        }

        var result = await feed.WaitForBotMessageAsync(m => m.HasCardContaining("(v2).docx") && m.HasCardContaining($"The {Year} annual report is ready"), CompileTimeout, Ct);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(AnnualReportTests.DownloadUrl(result.AdaptiveCards.Single()), Ct);
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var body = docx.MainDocumentPart!.Document.Body!.InnerText;
        var comments = docx.MainDocumentPart.WordprocessingCommentsPart!.Comments.InnerText;
        Assert.Contains("Stronger Communities", body, StringComparison.Ordinal);
        Assert.Matches(@"Approved by Hannah Whitfield on \d+ \w+ \d{4} \(version 1\)", comments);
        Assert.Contains("Not yet approved", comments, StringComparison.Ordinal);
    }
}
