using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OspBot.Graph;
using OspBot.Jobs.Reports;
using OspBot.Meetings;
using OspBot.Reports;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Reports;

/// The compile run with the real Graph SDK uploading to GraphStub: the result card links to SharePoint, or says why not.
public sealed class SharePointResultCardTests
{
    [Fact]
    public async Task The_result_card_opens_the_uploaded_report_in_SharePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await GraphStub.StartAsync(ct);
        graph.Respond = (_, _) => StubReply.Json(201, GraphReportPublisherTests.UploadReply("OSP annual report 2024-25 (v1).docx"));

        var (card, kept) = await CompileAsync(graph, ct);

        Assert.Equal(GraphReportPublisherTests.WebUrl, ActionUrl(card, "Open in SharePoint"));
        Assert.Contains("Download (.docx)", Titles(card));
        Assert.DoesNotContain("upload to SharePoint failed", card.GetRawText(), StringComparison.Ordinal);
        var upload = Assert.Single(graph.Requests);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal(
            "/v1.0/drives/b%21Drive_Id-1/root:/OSP/Annual%20reports/OSP%20annual%20report%202024-25%20(v1).docx:/content",
            upload.RawTarget);
        Assert.Equal(kept.Docx, upload.RawBody);
    }

    [Fact]
    public async Task A_forbidden_upload_still_delivers_the_report_with_its_download_link_and_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await GraphStub.StartAsync(ct);
        graph.Respond = (_, _) => StubReply.Error(403, "accessDenied");

        var (card, kept) = await CompileAsync(graph, ct);

        Assert.Equal(CompilationState.Succeeded, kept.State);
        Assert.NotNull(kept.ResultSentAt);
        Assert.Contains("Download (.docx)", Titles(card));
        Assert.DoesNotContain("Open in SharePoint", Titles(card));
        var text = card.GetRawText();
        Assert.Contains("upload to SharePoint failed", text, StringComparison.Ordinal);
        Assert.Contains("Sites.Selected", text, StringComparison.Ordinal);
        Assert.Contains("Files.ReadWrite.All", text, StringComparison.Ordinal);
    }

    private static async Task<(JsonElement Card, ReportCompilation Kept)> CompileAsync(GraphStub graph, CancellationToken ct)
    {
        await using var connector = await FakeConnector.StartAsync();
        var graphOptions = graph.Options();
        // Graph as configured in production (the app checks a drive id has Graph behind it); the test then
        // swaps in the same publisher over the stub with a credential that needs no Entra.
        await using var app = new OspBotApp()
            .With("Graph:TenantId", graphOptions.TenantId)
            .With("Graph:ClientId", graphOptions.ClientId)
            .With("Graph:ClientSecret", graphOptions.ClientSecret)
            .With("Graph:OrganiserMailbox", graphOptions.OrganiserMailbox)
            .With("Graph:BaseUrl", graphOptions.BaseUrl)
            .With("Reports:SharePointDriveId", GraphReportPublisherTests.DriveId)
            .With("Reports:SharePointFolder", "OSP/Annual reports")
            .WithServices(s => s.AddSingleton<IReportPublisher>(sp => new GraphReportPublisher(
                GraphClients.Create(graph.Options(), new FakeCredential()),
                sp.GetRequiredService<IOptions<ReportOptions>>(),
                NullLogger<GraphReportPublisher>.Instance)));
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        await ReportWorld.SeedUpdatesAsync(app, ct);
        var queued = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Queued, ct, c =>
        {
            c.ServiceUrl = connector.ServiceUrl.ToString();
            c.ConversationId = "a:1XyzPersonal";
            c.ProgressActivityId = "5";
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportCompilationRunner>().RunAsync(queued.Id, ct);
        }

        var result = Assert.Single(connector.Requests, r => r.Body?.GetRawText().Contains(ReportWorld.ReadyHeading, StringComparison.Ordinal) == true);
        var card = ReportWorld.CardOf(result.Body!.Value);
        AdaptiveCardSchema.AssertValid(card);
        return (card, Assert.Single(await ReportWorld.CompilationsAsync(app, ct)));
    }

    private static List<string?> Titles(JsonElement card) =>
        [.. card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString())];

    private static string? ActionUrl(JsonElement card, string title) =>
        card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("title").GetString() == title).GetProperty("url").GetString();
}
