using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OspBot.Graph;
using OspBot.Meetings;
using OspBot.Reports;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;

namespace OspBot.Tests.Reports;

public sealed class GraphReportPublisherTests
{
    internal const string DriveId = "b!Drive_Id-1";
    internal const string WebUrl = "https://osp.sharepoint.com/sites/osp/Shared%20Documents/OSP/Annual%20reports/report.docx";

    internal static string UploadReply(string name) =>
        $$"""{"id":"01ITEM","name":"{{name}}","size":3,"webUrl":"{{WebUrl}}"}""";

    internal static GraphReportPublisher Publisher(GraphStub stub, string? folder = "OSP/Annual reports") =>
        new(GraphClients.Create(stub.Options(), new FakeCredential()),
            Options.Create(new ReportOptions { SharePointDriveId = DriveId, SharePointFolder = folder }),
            NullLogger<GraphReportPublisher>.Instance);

    [Fact]
    public async Task Uploads_the_bytes_with_one_PUT_to_the_escaped_folder_path_and_returns_the_web_url()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(201, UploadReply("OSP annual report 2024-25 (v1).docx"));
        byte[] docx = [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0xC3, 0x28];

        var url = await Publisher(stub, " /OSP/Annual reports & #minutes/ ").PublishAsync("OSP annual report 2024-25 (v1).docx", docx, ct);

        Assert.Equal(new Uri(WebUrl), url);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("PUT", request.Method);
        // RFC 3986 path escaping: spaces, '#' and '!' escaped; '&', '(' and ')' are legal in a path segment as they are.
        Assert.Equal(
            "/v1.0/drives/b%21Drive_Id-1/root:/OSP/Annual%20reports%20&%20%23minutes/OSP%20annual%20report%202024-25%20(v1).docx:/content",
            request.RawTarget);
        Assert.Equal(docx, request.RawBody);
        Assert.Equal("Bearer " + FakeCredential.Token, request.Header("Authorization"));
    }

    [Theory]
    [InlineData(401, "credentials (401)")]
    [InlineData(403, "Sites.Selected")]
    [InlineData(404, "Reports:SharePointDriveId")]
    [InlineData(503, "unavailable")]
    public async Task A_failed_upload_says_why_in_plain_words(int status, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Error(status, status == 403 ? "accessDenied" : "itemNotFound");

        var ex = await Assert.ThrowsAsync<ReportPublishException>(() => Publisher(stub).PublishAsync("a.docx", [1, 2, 3], ct));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_only_when_Graph_and_the_drive_id_are_both_set()
    {
        Assert.False(Registered(new() { ["Graph:ClientId"] = "client" }));
        Assert.False(Registered(new() { ["Reports:SharePointDriveId"] = DriveId }));
        Assert.True(Registered(new() { ["Graph:ClientId"] = "client", ["Reports:SharePointDriveId"] = DriveId }));
    }

    [Fact]
    public async Task A_folder_without_a_drive_id_stops_the_app_naming_the_setting()
    {
        await using var app = new OspBotApp().With("Reports:SharePointFolder", "OSP/Annual reports");

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Reports:SharePointDriveId", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_drive_id_without_Graph_fails_validation_naming_both_settings()
    {
        var services = Services(new() { ["Reports:SharePointDriveId"] = DriveId });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReportOptions>>().Value);

        Assert.Contains("Graph:ClientId", ex.Message, StringComparison.Ordinal);
    }

    private static bool Registered(Dictionary<string, string?> settings) =>
        Services(settings).Any(d => d.ServiceType == typeof(IReportPublisher));

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        services.AddReportPublishing(configuration);
        return services;
    }
}
