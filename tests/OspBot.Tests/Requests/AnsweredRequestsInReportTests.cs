using OspBot.Reports;
using OspBot.Reports.Drafting;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Tests.Reports;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Requests;

/// Issue 15: the year's answered requests feed the annual report's "Other OSP activities"; open, declined and
/// other years' requests do not.
public sealed class AnsweredRequestsInReportTests
{
    [Fact]
    public async Task Done_requests_with_a_response_join_other_osp_activities()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var round = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.Zero));
        var update = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        Saved(await world.Editor().SubmitAsync(W.ScLead, update, UpdatePatch.Replacing(Complete() with
        {
            Requests = "• A venue for the summit\n• Data on NEETs by ward\n• A letter to DWP",
        }), 0, ct));
        var requests = Found(await RequestRegisterTests.Register(world).ListAsync(W.Secretariat, new RequestFilter(), ct)).Requests;
        async Task AnswerAsync(string text, RequestStatus status, string response)
        {
            var r = requests.Single(q => q.Text == text);
            Assert.IsType<RequestResult.Saved>(await RequestRegisterTests.Register(world).ChangeAsync(
                W.Secretariat, r.Id, new RequestPatch { Status = status, Response = response }, r.Revision, ct));
        }
        await AnswerAsync("A venue for the summit", RequestStatus.Done, "Booked the Town Hall for 4 March");
        await AnswerAsync("A letter to DWP", RequestStatus.Declined, "Not for the OSP: the council wrote instead");

        var answered = await new RequestReportExtras(world.Db()).AnsweredRequestsAsync(2026, ct);

        Assert.Equal([new AnsweredRequest("Stronger Communities", "A venue for the summit", "Booked the Town Hall for 4 March")], answered);
        Assert.Empty(await new RequestReportExtras(world.Db()).AnsweredRequestsAsync(2025, ct));
        using var doc = new DocxReader(AnnualReportCompiler.Compile(ReportInputs.FullYear() with { AnsweredRequests = answered }));
        Assert.Contains("Booked the Town Hall for 4 March (asked for by the Stronger Communities sub-group: “A venue for the summit”)",
            AnnualReportDocxTests.Section(doc, "Other OSP activities"));
        Assert.Empty(doc.ValidationErrors());
    }
}
