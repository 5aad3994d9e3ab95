using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OspBot.Common;
using OspBot.Data;
using OspBot.Reports;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Reports;

public sealed class DownloadLinkTests
{
    private static readonly byte[] Docx = [0x50, 0x4B, 3, 4];

    private static async Task<(OspBotApp App, HttpClient Client, ReportCompilation Report, int PersonId)> SetUpAsync(CancellationToken ct)
    {
        var app = new OspBotApp();
        var client = app.CreateClient();
        var personId = await ReportWorld.LinkUserAsync(app, secretariat: true, ct);
        var report = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Succeeded, ct, c =>
        {
            c.Docx = Docx;
            c.Markdown = "# Report";
            c.Version = 3;
        });
        return (app, client, report, personId);
    }

    private static ReportLinks Links(OspBotApp app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<IDataProtectionProvider>(), clock, app.Services.GetRequiredService<IOptions<DownloadLinkOptions>>());

    [Fact]
    public async Task A_fresh_link_downloads_the_docx_under_its_versioned_name()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, client, report, personId) = await SetUpAsync(ct);
        await using var _ = app;
        using var __ = client;

        var link = app.Services.GetRequiredService<ReportLinks>().Create(report.Id, personId);
        using var response = await client.GetAsync(link.Url.PathAndQuery, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, await response.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("OSP annual report 2024-25 (v3).docx", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal("http://localhost:3978", link.Url.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task Forged_tampered_missing_and_other_compilation_tokens_are_refused_with_404()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, client, report, personId) = await SetUpAsync(ct);
        await using var _ = app;
        using var __ = client;
        var other = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Succeeded, ct, c => { c.Docx = Docx; c.Version = 4; });
        var links = app.Services.GetRequiredService<ReportLinks>();
        var genuine = links.Create(report.Id, personId).Url.PathAndQuery;
        var token = Uri.UnescapeDataString(genuine[(genuine.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        string[] attempts =
        [
            $"/reports/{report.Id}/download?t=forged-token",
            $"/reports/{report.Id}/download?t={Uri.EscapeDataString(tampered)}",
            $"/reports/{report.Id}/download",
            $"/reports/{other.Id}/download?t={Uri.EscapeDataString(token)}",
        ];
        foreach (var url in attempts)
        {
            using var response = await client.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("not valid or has expired", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_link_stops_working_after_its_lifetime()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, client, report, personId) = await SetUpAsync(ct);
        await using var _ = app;
        using var __ = client;
        var issuedAt = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var almost = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(5));
        var expired = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1));

        using var fresh = await client.GetAsync(Links(app, issuedAt).Create(report.Id, personId).Url.PathAndQuery, ct);
        using var nearlyExpired = await client.GetAsync(Links(app, almost).Create(report.Id, personId).Url.PathAndQuery, ct);
        using var stale = await client.GetAsync(Links(app, expired).Create(report.Id, personId).Url.PathAndQuery, ct);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nearlyExpired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Fact]
    public async Task A_link_stops_working_when_its_person_leaves_the_secretariat()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, client, report, personId) = await SetUpAsync(ct);
        await using var _ = app;
        using var __ = client;
        var url = app.Services.GetRequiredService<ReportLinks>().Create(report.Id, personId).Url.PathAndQuery;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OspDbContext>().People.Where(p => p.Id == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSecretariat, false), ct);
        }

        using var response = await client.GetAsync(url, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only the OSP secretariat", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_compilation_that_failed_finds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, client, _, personId) = await SetUpAsync(ct);
        await using var _app = app;
        using var _client = client;
        var failed = await ReportWorld.AddCompilationAsync(app, personId, CompilationState.Failed, ct);

        using var response = await client.GetAsync(app.Services.GetRequiredService<ReportLinks>().Create(failed.Id, personId).Url.PathAndQuery, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not available", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
