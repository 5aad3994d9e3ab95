using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Tests.Cards;
using OspBot.Tests.Fakes;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Reports;

public sealed class CompileReportCommandTests
{
    [Fact]
    public async Task Secretariat_gets_progress_through_each_stage_then_a_link_to_a_docx_naming_the_missing_updates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        await ReportWorld.SeedUpdatesAsync(app, ct);

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "compile report 2024/25", id: "m1")), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var final = await ReportWorld.WaitForCardAsync(connector, ReportWorld.ReadyHeading, ct);

        var requests = connector.Requests.ToList();
        var first = requests[0];
        Assert.Equal("POST", first.Method);
        Assert.Contains("Compiling the 2024/25 annual report", first.Body!.Value.GetRawText(), StringComparison.Ordinal);
        var updates = requests.Skip(1).ToList();
        Assert.All(updates, r => Assert.Equal("PUT", r.Method));
        Assert.All(updates, r => Assert.EndsWith("/activities/1", r.Path, StringComparison.Ordinal));
        var stages = updates.Select(r => r.Body!.Value.GetRawText()).ToList();
        Assert.Contains(stages, s => s.Contains("Gathering the year", StringComparison.Ordinal));
        Assert.Contains(stages, s => s.Contains("Economic Development: 3 update(s)", StringComparison.Ordinal) && s.Contains("1 of 4", StringComparison.Ordinal));
        Assert.Contains(stages, s => s.Contains("Writing the document", StringComparison.Ordinal));
        Assert.Same(final, updates[^1]);
        foreach (var r in requests)
        {
            AdaptiveCardSchema.AssertValid(ReportWorld.CardOf(r.Body!.Value));
        }

        var card = ReportWorld.CardOf(final.Body!.Value);
        Assert.Contains("Safer Communities: Q1", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Stronger Communities: Q4", card.GetRawText(), StringComparison.Ordinal);

        using var download = await client.GetAsync(ReportWorld.ActionUrl(card, "Download (.docx)"), ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OSP annual report 2024-25 (v1).docx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        await using var bytes = new MemoryStream(await download.Content.ReadAsByteArrayAsync(ct));
        using var doc = WordprocessingDocument.Open(bytes, false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Business survey wave 2 completed", text, StringComparison.Ordinal);
        // The body says a sub-group was silent in its own part; which updates were missing is a note for the officer.
        Assert.Contains("The Safer Communities sub-group did not report during 2024/25.", text, StringComparison.Ordinal);
        Assert.Contains("Safer Communities (Q1, Q2, Q3, Q4)", doc.MainDocumentPart.WordprocessingCommentsPart!.Comments.InnerText, StringComparison.Ordinal);

        var markdown = await client.GetStringAsync(ReportWorld.ActionUrl(card, "Download (Markdown)"), ct);
        Assert.Contains("Community hubs opened in Blackbird Leys", markdown, StringComparison.Ordinal);
        var kept = Assert.Single(await ReportWorld.CompilationsAsync(app, ct));
        Assert.Equal((CompilationState.Succeeded, 1), (kept.State, kept.Version));
        Assert.NotNull(kept.ResultSentAt);
    }

    [Fact]
    public async Task Asking_again_while_a_compilation_runs_says_so_and_starts_no_second_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Running, ct, c => c.Stage = "Writing the document");

        await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "compile report 2024-25")), ct);

        var reply = Assert.Single(await connector.WaitForRequestsAsync(1, ct));
        var card = ReportWorld.CardOf(reply.Body!.Value);
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("already being compiled", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Writing the document", card.GetRawText(), StringComparison.Ordinal);
        Assert.Single(await ReportWorld.CompilationsAsync(app, ct));
    }

    [Fact]
    public async Task Two_requests_at_once_start_exactly_one_compilation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new OspBotApp();
        await ReportWorld.LinkUserAsync(app, secretariat: true, ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReportCompilationService>()
                .RequestAsync(Actor.FromTeams(Activities.UserAadId), 2023, card: null, ct);
        }));

        Assert.Single(results.OfType<CompileRequestResult.Started>());
        Assert.Equal(3, results.OfType<CompileRequestResult.AlreadyRunning>().Count());
        Assert.Single(await ReportWorld.CompilationsAsync(app, ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Someone_outside_the_secretariat_is_refused_politely(bool inDirectory)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        if (inDirectory)
        {
            await ReportWorld.LinkUserAsync(app, secretariat: false, ct);
        }

        await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "compile report")), ct);

        var card = ReportWorld.CardOf(Assert.Single(await connector.WaitForRequestsAsync(1, ct)).Body!.Value);
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains(
            inDirectory ? "Sorry, only the OSP secretariat can use “compile report”." : "I don't know you yet",
            string.Join("\n", CardQueries.Texts(card)), StringComparison.Ordinal);
        Assert.Empty(await ReportWorld.CompilationsAsync(app, ct));
    }

    [Fact]
    public async Task A_year_that_is_not_a_financial_year_gets_the_expected_form()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        await ReportWorld.LinkUserAsync(app, secretariat: true, ct);

        await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "compile report 2024/26")), ct);

        var card = ReportWorld.CardOf(Assert.Single(await connector.WaitForRequestsAsync(1, ct)).Body!.Value);
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("compile report 2024/25", card.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await ReportWorld.CompilationsAsync(app, ct));
    }

    [Fact]
    public async Task Compile_again_on_a_result_card_turns_that_card_into_the_progress_card_of_a_new_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Succeeded, ct, c => c.Version = 1);
        var press = new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "reports.compile",
                ["data"] = new System.Text.Json.Nodes.JsonObject { ["year"] = "2024/25" },
            },
            ["trigger"] = "manual",
        };

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Invoke(connector.ServiceUrl, "adaptiveCard/action", press)), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var card = answer.RootElement.GetProperty("value");
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("Compiling the 2024/25 annual report", card.GetRawText(), StringComparison.Ordinal);
        var result = await ReportWorld.WaitForCardAsync(connector, ReportWorld.ReadyHeading, ct);
        Assert.EndsWith("/activities/1767765488332", result.Path, StringComparison.Ordinal);
        Assert.Contains("(v2).docx", result.Body!.Value.GetRawText(), StringComparison.Ordinal);
    }
}
