using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Requests;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Requests;

/// Issue 15 in Teams: a lead's submitted requests reach the secretariat's `requests` card, which hands one to an
/// owner; the owner's card arrives through the outbox and the owner answers it; the register downloads as CSV;
/// a lead may not open the register.
public sealed class RequestsInTeamsTests
{
    [Fact]
    public async Task A_submitted_request_is_assigned_answered_by_its_owner_and_exported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        foreach (var user in new[] { Sec, LeadA, LeadB })
        {
            await wire.SayAsync(user, "hi", ct);
        }
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = (await wire.SayAsync(LeadA, "my update", ct))[0];
        await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, CardData.Of(prompt, RoundVerbs.Submit)
            .With("achievements", "Hub opened").With("plans", "Two more").With("challenges", "Funding").With("rag", "green")
            .With("requests", "• A venue for the summit, in March\n• Data on NEETs by ward"), ct);

        var refused = Assert.Single(await wire.SayAsync(LeadA, "requests", ct));
        Assert.Contains("secretariat", refused.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var register = Assert.Single(await wire.SayAsync(Sec, "requests", ct));
        Assert.Contains("A venue for the summit, in March", register.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Data on NEETs by ward", register.GetRawText(), StringComparison.Ordinal);

        // The secretariat hands the first request to the other sub-group's lead and accepts it.
        var leadB = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadB.Aad).Select(p => p.Id).SingleAsync(ct));
        var save = CardData.Of(register, RequestVerbs.Save);
        var id = save[RequestVerbs.RequestId]!.GetValue<string>();
        var saved = await wire.ExecuteAsync(Sec, RequestVerbs.Save, save
            .With(RequestVerbs.InputId(RequestVerbs.Owner, id), leadB.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With(RequestVerbs.InputId(RequestVerbs.Status, id), "Accepted"), ct);
        Assert.Contains("has been sent the request", saved.GetRawText(), StringComparison.Ordinal);

        await wire.DispatchAsync(ct);
        var ownerCard = Assert.Single(wire.ProactiveTo(LeadB), c => c.GetRawText().Contains("A request for OSP support is yours", StringComparison.Ordinal));
        Assert.Contains("A venue for the summit, in March", ownerCard.GetRawText(), StringComparison.Ordinal);
        var answer = CardData.Of(ownerCard, RequestVerbs.Save)
            .With(RequestVerbs.InputId(RequestVerbs.Status, id), "Done")
            .With(RequestVerbs.InputId(RequestVerbs.Response, id), "Booked the Town Hall for 4 March");
        var answered = await wire.ExecuteAsync(LeadB, RequestVerbs.Save, answer, ct);
        Assert.Contains("Saved.", answered.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Booked the Town Hall", answered.GetRawText(), StringComparison.Ordinal);
        // Pressed again from the same card: the revision it carries is old, so nothing is saved twice.
        Assert.Contains("Nothing was saved", (await wire.ExecuteAsync(LeadB, RequestVerbs.Save, answer, ct)).GetRawText(), StringComparison.Ordinal);

        var open = Assert.Single(await wire.SayAsync(Sec, "requests", ct));
        Assert.DoesNotContain("A venue for the summit", open.GetRawText(), StringComparison.Ordinal);
        var link = await wire.ExecuteAsync(Sec, RequestVerbs.Export, CardData.Of(open, RequestVerbs.Export), ct);
        var url = new Uri(System.Text.Json.JsonDocument.Parse(link.GetRawText()).RootElement.GetProperty("actions")[0].GetProperty("url").GetString()!);
        var csv = await wire.Client.GetStringAsync(url.PathAndQuery, ct);
        Assert.Contains("\"A venue for the summit, in March\",Done,", csv, StringComparison.Ordinal);
        Assert.Contains("Booked the Town Hall for 4 March", csv, StringComparison.Ordinal);
        using var forged = await wire.Client.GetAsync("/requests/register?t=forged", ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
