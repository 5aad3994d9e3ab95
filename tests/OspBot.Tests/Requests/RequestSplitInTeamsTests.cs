using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Requests;
using OspBot.Tests.Cards;
using OspBot.Tests.Cards.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Requests;

/// Issue 15: "the lead can confirm the split on the card before submitting". In Teams: the lead checks how section 4
/// will be listed, gets the same card back with everything typed still in it and the requests numbered, nothing
/// saved; submits from that card; the register then holds exactly the requests the card listed.
public sealed class RequestSplitInTeamsTests
{
    private const string Section4 = "• A venue for the summit, in March\n• Data on NEETs by ward\n\nA speaker on youth employment for the June event";

    [Fact]
    public async Task The_lead_checks_the_split_keeps_what_was_typed_submits_and_the_register_holds_exactly_those_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var prompt = await PromptedAsync(wire, ct);

        var typed = CardData.Of(prompt, RoundVerbs.CheckRequests)
            .With(UpdateInputs.Achievements, "Hub opened").With(UpdateInputs.Plans, "Two more hubs")
            .With(UpdateInputs.Challenges, "Funding").With(UpdateInputs.Rag, "green").With(UpdateInputs.Requests, Section4);
        var checkedCard = await wire.ExecuteAsync(LeadA, RoundVerbs.CheckRequests, typed, ct);

        var texts = CardQueries.Texts(checkedCard);
        var heading = texts.IndexOf("These go to the OSP's requests register as 3 requests:");
        Assert.True(heading >= 0, checkedCard.GetRawText());
        string[] listed = ["A venue for the summit, in March", "Data on NEETs by ward", "A speaker on youth employment for the June event"];
        Assert.Equal(listed.Select((t, i) => $"{i + 1}\\. {t}"), texts.Skip(heading + 1).Take(3));
        foreach (var (id, value) in new[] { (UpdateInputs.Achievements, "Hub opened"), (UpdateInputs.Plans, "Two more hubs"), (UpdateInputs.Challenges, "Funding"), (UpdateInputs.Rag, "green"), (UpdateInputs.Requests, Section4) })
        {
            Assert.Equal(value, RoundCardChecks.Input(checkedCard, id).GetProperty("value").GetString());
        }
        Assert.Equal(0, await VersionsAsync(wire, ct));

        // Teams sends the inputs as they stand on the card, i.e. as the check returned them.
        var submitted = await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, WithInputs(CardData.Of(checkedCard, RoundVerbs.Submit), checkedCard), ct);
        Assert.DoesNotContain("changed since", submitted.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await VersionsAsync(wire, ct));
        Assert.True(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().SubGroupUpdates.AnyAsync(u => u.SubmittedVersion == 1, ct)));
        await wire.DispatchAsync(ct);

        var register = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Set<RequestEntry>()
            .OrderBy(r => r.Position).Select(r => r.Text).ToListAsync(ct));
        Assert.Equal(listed, register);
    }

    [Fact]
    public async Task A_check_from_a_card_someone_else_has_since_saved_over_keeps_its_version_so_the_submit_is_stale()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var prompt = await PromptedAsync(wire, ct);
        await wire.ExecuteAsync(LeadA, RoundVerbs.SaveDraft, CardData.Of(prompt, RoundVerbs.SaveDraft).With(UpdateInputs.Achievements, "Saved elsewhere"), ct);

        var checkedCard = await wire.ExecuteAsync(LeadA, RoundVerbs.CheckRequests,
            CardData.Of(prompt, RoundVerbs.CheckRequests).With(UpdateInputs.Requests, "None"), ct);

        Assert.Contains("Section 4 asks for nothing: no request goes to the OSP's requests register.", CardQueries.Texts(checkedCard));
        Assert.Equal(
            CardData.Of(prompt, RoundVerbs.Submit)[RoundData.Version]!.GetValue<string>(),
            CardData.Of(checkedCard, RoundVerbs.Submit)[RoundData.Version]!.GetValue<string>());
        Assert.Equal(1, await VersionsAsync(wire, ct));
    }

    /// A round open, and lead A's prompt card as `my update` shows it.
    private static async Task<JsonElement> PromptedAsync(RoundsWire wire, CancellationToken ct)
    {
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        return (await wire.SayAsync(LeadA, "my update", ct))[0];
    }

    private static Task<int> VersionsAsync(RoundsWire wire, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().UpdateVersions.CountAsync(ct));

    private static JsonObject WithInputs(JsonObject data, JsonElement card)
    {
        foreach (var input in RoundCardChecks.Inputs(card).Where(i => i.TryGetProperty("value", out _)))
        {
            data[input.GetProperty("id").GetString()!] = input.GetProperty("value").GetString();
        }
        return data;
    }
}
