using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.MeetingPack;
using OspBot.Tests.Reports;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.MeetingPack;

/// Issue 15 in Teams: `meeting pack` answers the secretariat (once its job has built it) with an expiring link to a valid .docx over the real
/// HTTP pipeline; a lead is refused the command, and a link issued to someone off the steering group is refused.
public sealed class MeetingPackInTeamsTests
{
    [Fact]
    public async Task The_secretariat_builds_the_pack_and_downloads_it_and_others_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await MeetingPackJobTests.RoundWithAnUpdateAsync(null, ct);

        Assert.Contains("secretariat", Assert.Single(await wire.SayAsync(LeadA, "meeting pack", ct)).GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Building the meeting pack", Assert.Single(await wire.SayAsync(Sec, "meeting pack", ct)).GetRawText(), StringComparison.Ordinal);
        var card = ReportWorld.CardOf((await wire.Connector.WaitForAsync(r => r.Body?.GetRawText().Contains("(version 1)", StringComparison.Ordinal) == true, ct,
            TimeSpan.FromSeconds(30))).Body!.Value);
        var url = new Uri(System.Text.Json.JsonDocument.Parse(card.GetRawText()).RootElement.GetProperty("actions")[0].GetProperty("url").GetString()!);

        using var response = await wire.Client.GetAsync(url.PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = new DocxReader(await response.Content.ReadAsByteArrayAsync(ct));
        Assert.Empty(doc.ValidationErrors());
        Assert.Contains("Hub opened", doc.AllText(), StringComparison.Ordinal);
        Assert.Contains("A venue for the summit", doc.AllText(), StringComparison.Ordinal);

        var packId = int.Parse(url.Segments[2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        var offSteering = await wire.InScopeAsync(async sp =>
        {
            var lead = await sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadA.Aad).Select(p => p.Id).SingleAsync(ct);
            return sp.GetRequiredService<MeetingPackLinks>().Create(packId, lead).Url;
        });
        using var refused = await wire.Client.GetAsync(offSteering.PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var forged = await wire.Client.GetAsync($"/meeting-pack/{packId}/download?t=forged", ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
