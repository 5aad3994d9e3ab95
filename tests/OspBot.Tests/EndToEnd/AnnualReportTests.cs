using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using OspBot.Common;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.EndToEnd;

/// Issue 5, end to end in the Agents Playground: "the secretariat asks for the report and gets the link; the test
/// downloads the file". Hannah (secretariat in the seed) asks in her personal chat: headlessly through the playground's
/// API, where the test also downloads the file, and in the UI through headless Chromium.
public sealed class AnnualReportTests(OspDirectoryFixture playground) : EndToEndTest<OspDirectoryFixture>(playground)
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_secretariat_asks_for_the_report_gets_the_link_and_the_docx_downloads()
    {
        SkipIfUnavailable();
        var client = Playground.Client;
        await using var feed = await client.OpenFeedAsync(Ct);

        var sent = await client.SendTextAsync("compile report 2024/25", Ct);

        var progress = await feed.WaitForBotMessageAsync(
            m => m.Timestamp >= sent.Timestamp && m.HasCardContaining("Compiling the 2024/25 annual report"), ReplyTimeout, Ct);
        Assert.Equal(client.Config.PersonalChatId, progress.ConversationId);
        // The job replaces the progress card in place (a PUT): the feed shows it as updateMessage of the same message.
        var result = await feed.WaitForBotMessageAsync(
            m => m.Action == "updateMessage" && m.HasCardContaining("The 2024/25 annual report is ready"), CompileTimeout, Ct);
        Assert.False(string.IsNullOrEmpty(progress.Id), "The progress card has no activity id on the feed.");
        Assert.Equal(progress.Id, result.Id);
        Log($"Progress card {progress.Id}: result after {result.Timestamp - sent.Timestamp} ms");

        var link = DownloadUrl(result.AdaptiveCards.Single());
        Log($"Download link: {link}");
        Assert.Equal(Playground.BotUrl.Authority, link.Authority);
        using var http = new HttpClient();
        using var response = await http.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.EndsWith(".docx", (disposition?.FileNameStar ?? disposition?.FileName ?? "").Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Log($"Downloaded {bytes.Length} bytes");

        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        }

        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var text = docx.MainDocumentPart?.Document.Body?.InnerText ?? "";
        Assert.Contains("2024/25", text, StringComparison.Ordinal);
    }

    /// The same through the UI: the progress card turns into the result card in place, with its download button.
    [Fact]
    public async Task In_the_chat_the_progress_card_becomes_the_result_card_with_a_download_button()
    {
        SkipIfUnavailable(browser: true);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        try
        {
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);

            await browser.SendAsync("compile report 2024/25");

            var card = browser.CardAfter("compile report 2024/25");
            await Assertions.Expect(card).ToContainTextAsync("The 2024/25 annual report is ready", new() { Timeout = (float)CompileTimeout.TotalMilliseconds });
            // Action.OpenUrl is not rendered as an ARIA button here, so find it by its title.
            await Assertions.Expect(card.GetByText("Download (.docx)", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(browser.Cards.Filter(new() { HasText = "Compiling the 2024/25 annual report" })).ToHaveCountAsync(0);
            Log($"Screenshot: {await browser.ScreenshotAsync("report-ready")}");
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("report-failure")}");
            throw;
        }
    }

    /// Issue 12: the secretariat sets the year's Council meeting date and cabinet member on the settings card in the
    /// chat, saves, presses "Compile the report" on the same card, and the downloaded .docx's cover shows both.
    [Fact]
    public async Task Settings_edited_in_the_chat_are_on_the_cover_of_the_report_compiled_from_the_same_card()
    {
        SkipIfUnavailable(browser: true);
        // The last complete year: its end is under a year ago, so a meeting a month from now is valid for it.
        var year = ReportYear.LastComplete(DateTimeOffset.UtcNow);
        var label = FinancialYears.Label(year);
        var meeting = London.Date(DateTimeOffset.UtcNow).AddDays(30);
        await using var feed = await Playground.Client.OpenFeedAsync(Ct);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        await browser.Page.SetViewportSizeAsync(1400, 2000);
        try
        {
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);
            await browser.SendAsync($"report settings {label}");
            var card = browser.CardAfter($"report settings {label}");
            await Assertions.Expect(card).ToContainTextAsync($"Report settings for {label}");

            await card.GetByRole(AriaRole.Textbox, new() { Name = "Cabinet member (name)" }).FillAsync("Councillor Ada Lovelace");
            await PlaygroundInputs.PickDateAsync(browser.Page, card.GetByRole(AriaRole.Combobox, new() { Name = "Council meeting date" }), meeting);
            await card.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(card).ToContainTextAsync("Saved as version 1: Council meeting date, Cabinet member (name).");
            Log($"Screenshot: {await browser.ScreenshotAsync("report-settings-saved")}");

            await card.GetByRole(AriaRole.Button, new() { Name = "Compile the report" }).ClickAsync();
            await Assertions.Expect(card).ToContainTextAsync($"The {label} annual report is ready", new() { Timeout = (float)CompileTimeout.TotalMilliseconds });
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("report-settings-failure")}");
            throw;
        }

        var result = await feed.WaitForBotMessageAsync(m => m.HasCardContaining($"The {label} annual report is ready"), ReplyTimeout, Ct);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(DownloadUrl(result.AdaptiveCards.Single()), Ct);
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var cover = docx.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First().InnerText;
        Assert.Contains(FinancialYears.Date(meeting), cover, StringComparison.Ordinal);
        Assert.Contains("Councillor Ada Lovelace", cover, StringComparison.Ordinal);
    }

    /// The url of the card's "Download (.docx)" button.
    internal static Uri DownloadUrl(JsonNode card)
    {
        var download = (card["actions"]?.AsArray() ?? [])
            .FirstOrDefault(a => (string?)a?["type"] == "Action.OpenUrl" && (string?)a?["title"] == "Download (.docx)");
        Assert.True(download is not null, $"No download button on the result card: {card.ToJsonString()}");
        return new Uri((string)download["url"]!);
    }
}
