using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Schemas;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

public sealed class RoundsInTeamsTests
{
    [Fact]
    public async Task A_round_goes_from_open_to_prompt_to_draft_to_submission_through_http()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(Sec, "hi", ct);
        await wire.SayAsync(LeadA, "hi", ct);

        await wire.OpenRoundAsync(ct);
        var sent = await wire.DispatchAsync(ct);

        // Only LeadA has a chat with OspBot: prompts reach nobody else; the rest are unreachable on the status card.
        var prompts = wire.ProactiveTo(LeadA);
        Assert.NotEmpty(prompts);
        Assert.Equal(sent, prompts.Count);
        Assert.Empty(wire.ProactiveTo(LeadB));
        Assert.All(prompts, p => Assert.True(CardData.Has(p, "update.saveDraft")));
        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();
        Assert.Contains("OspBot is not installed for them", status, StringComparison.Ordinal);
        Assert.Contains("Not linked to a Teams account", status, StringComparison.Ordinal);
        Assert.Contains("0 of ", status, StringComparison.Ordinal);

        // LeadA saves a draft, then submits it; a double click stores one version.
        var draft = await wire.ExecuteAsync(LeadA, "update.saveDraft", CardData.Of(prompts[0], "update.saveDraft").With("achievements", "We opened the hub"), ct);
        Assert.Contains("Draft saved.", draft.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("We opened the hub", draft.GetRawText(), StringComparison.Ordinal);
        var submit = CardData.Of(draft, "update.submit").With("plans", "More hubs").With("challenges", "Funding").With("rag", "green");
        var summary = await wire.ExecuteAsync(LeadA, "update.submit", submit, ct);
        var again = await wire.ExecuteAsync(LeadA, "update.submit", submit, ct);
        Assert.True(CardData.Has(summary, "update.edit"));
        Assert.False(CardData.Has(summary, "update.submit"));
        Assert.Contains("More hubs", summary.GetRawText(), StringComparison.Ordinal);
        Assert.True(CardData.Has(again, "update.edit"));
        var updateId = int.Parse(submit["updateId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var versions = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().UpdateVersions.CountAsync(v => v.SubGroupUpdateId == updateId, ct));
        Assert.Equal(2, versions);

        // The old draft card is stale now: nothing is stored, the current card comes back with a notice.
        var stale = await wire.ExecuteAsync(LeadA, "update.saveDraft", CardData.Of(draft, "update.saveDraft").With("achievements", "Something else"), ct);
        Assert.Contains("This card was out of date", stale.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().UpdateVersions.CountAsync(v => v.SubGroupUpdateId == updateId, ct)));

        var edit = await wire.ExecuteAsync(LeadA, "update.edit", CardData.Of(summary, "update.edit"), ct);
        Assert.True(CardData.Has(edit, "update.saveDraft"));
        Assert.Contains("More hubs", edit.GetRawText(), StringComparison.Ordinal);

        var after = Assert.Single(await wire.SayAsync(Sec, "status", ct)).GetRawText();
        Assert.Contains("1 of ", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_refused_and_unknown_people_get_the_right_cards()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);

        var mine = await wire.SayAsync(LeadA, "my update", ct);
        Assert.NotEmpty(mine);
        var card = mine[0];

        // Submitting with sections missing keeps the draft and shows the errors inline.
        var invalid = await wire.ExecuteAsync(LeadA, "update.submit", CardData.Of(card, "update.submit").With("achievements", "Only this"), ct);
        Assert.Contains("Only this", invalid.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Your draft is saved", invalid.GetRawText(), StringComparison.Ordinal);
        Assert.True(CardData.Has(invalid, "update.submit"));

        // The secretariat may read but not write a sub-group's update; strangers and non-secretariat get polite refusals.
        var refused = await wire.ExecuteAsync(Sec, "update.saveDraft", CardData.Of(invalid, "update.saveDraft"), ct);
        Assert.Contains("Sorry, only sub-group chairs, leads and deputies can use that button.", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("know you yet", Assert.Single(await wire.SayAsync(Stranger, "my update", ct)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("only the OSP secretariat", Assert.Single(await wire.SayAsync(LeadA, "status", ct)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("only the OSP secretariat", Assert.Single(await wire.SayAsync(LeadA, "open round", ct)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("did not understand", Assert.Single(await wire.SayAsync(LeadA, "something else", ct)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_submit_fallback_replaces_the_card_it_came_from()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        var card = (await wire.SayAsync(LeadA, "my update", ct))[0];

        var value = CardData.Of(card, "update.saveDraft").With("verb", "update.saveDraft").With("achievements", "Sent from an old client");
        var message = wire.MessageFrom(LeadA, "");
        message.Remove("text");
        message["value"] = value;
        message["replyToId"] = "card-77";
        using var response = await wire.Client.PostAsync("/api/messages", Activities.Json(message), ct);
        response.EnsureSuccessStatusCode();

        var put = Assert.Single(await WaitAsync(wire, r => r.Method == "PUT", ct));
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(LeadA.ConversationId)}/activities/card-77", put.Path, StringComparison.Ordinal);
        var replaced = Card(put.Body!.Value);
        Assert.Contains("Draft saved.", replaced.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Sent from an old client", replaced.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_shows_each_person_their_own_view_and_remind_now_sends_a_reminder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        var card = (await wire.SayAsync(LeadA, "my update", ct))[0];
        var refresh = CardData.Of(card, "update.remindTomorrow");

        var leadView = await wire.ExecuteAsync(LeadA, "refresh", refresh.DeepClone().AsObject().With("view", "update"), ct);
        var secView = await wire.ExecuteAsync(Sec, "refresh", refresh.DeepClone().AsObject().With("view", "update"), ct);
        Assert.True(CardData.Has(leadView, "update.saveDraft"));
        Assert.False(CardData.Has(secView, "update.saveDraft"));
        Assert.False(CardData.Has(secView, "update.edit"));

        await wire.DispatchAsync(ct);
        var before = wire.ProactiveTo(LeadA).Count;
        var status = await wire.ExecuteAsync(Sec, "round.remindGroup", new JsonObject
        {
            ["roundId"] = refresh["roundId"]!.GetValue<string>(),
            ["subGroupId"] = refresh["updateId"]!.GetValue<string>(),
        }, ct);
        Assert.True(CardData.Has(status, "round.status"));
        Assert.Equal(1, await wire.DispatchAsync(ct));
        Assert.Equal(before + 1, wire.ProactiveTo(LeadA).Count);
    }

    private static async Task<IReadOnlyList<ConnectorRequest>> WaitAsync(RoundsWire wire, Func<ConnectorRequest, bool> match, CancellationToken ct)
    {
        await wire.Connector.WaitForAsync(match, ct);
        return [.. wire.Connector.Requests.Where(match)];
    }
}
