using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Members;
using OspBot.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

/// Issue 3's history: the secretariat opens any past round's status from a list of rounds or by quarter; a
/// closed round's card is a read-only record whose Read buttons still work.
public sealed class PastRoundsInTeamsTests
{
    [Fact]
    public async Task The_secretariat_opens_a_closed_round_from_the_list_and_reads_it_without_remind_or_reopen()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        var roundId = await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        await SubmitAsync(wire, "We opened the hub", ct);

        // While it is open, the quarter's status offers reminders and closing (reopening only after the deadline).
        var open = Assert.Single(await wire.SayAsync(Sec, "status q3 2026/27", ct));
        Assert.True(CardData.Has(open, "round.remindGroup"));
        Assert.True(CardData.Has(open, "round.close"));

        await wire.InScopeAsync(async sp => await sp.GetRequiredService<RoundAdmin>().CloseRoundAsync(Actor.FromTeams(Sec.Aad), roundId, ct));
        var list = Assert.Single(await wire.SayAsync(Sec, "rounds", ct));
        var text = list.GetRawText();
        Assert.Contains("Q3 2026/27", text, StringComparison.Ordinal);
        Assert.Contains("Meeting Monday 2 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("1 of ", text, StringComparison.Ordinal);
        Assert.Contains("closed", text, StringComparison.Ordinal);

        var status = await wire.ExecuteAsync(Sec, "round.status", CardData.Of(list, "round.status"), ct);
        AssertReadOnly(status);
        var typed = Assert.Single(await wire.SayAsync(Sec, "status 2026/27 Q3", ct));
        AssertReadOnly(typed);
        var reader = await wire.ExecuteAsync(Sec, "update.read", CardData.Of(status, "update.read"), ct);
        Assert.Contains("We opened the hub", reader.GetRawText(), StringComparison.Ordinal);

        // The status card leads back to the list.
        var again = await wire.ExecuteAsync(Sec, "round.history", CardData.Of(status, "round.history"), ct);
        Assert.Equal(roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), CardData.Of(again, "round.status")["roundId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Past_rounds_are_for_the_secretariat_and_unknown_quarters_are_explained()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var roundId = await wire.OpenRoundAsync(ct);

        foreach (var command in new[] { "rounds", "status Q3 2026/27" })
        {
            Assert.Contains("only the OSP secretariat", Assert.Single(await wire.SayAsync(LeadA, command, ct)).GetRawText(), StringComparison.Ordinal);
            Assert.Contains("know you yet", Assert.Single(await wire.SayAsync(Stranger, command, ct)).GetRawText(), StringComparison.Ordinal);
        }
        var pressed = await wire.ExecuteAsync(LeadA, "round.history", [], ct);
        Assert.Contains("only the OSP secretariat", pressed.GetRawText(), StringComparison.Ordinal);
        Assert.False(CardData.Has(pressed, "round.status"));

        Assert.Contains("There was no round for Q1 2020/21",
            Assert.Single(await wire.SayAsync(Sec, "status Q1 2020/21", ct)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("did not recognise that quarter",
            Assert.Single(await wire.SayAsync(Sec, "status last year", ct)).GetRawText(), StringComparison.Ordinal);
        var current = Assert.Single(await wire.SayAsync(Sec, "status 2026-Q3", ct));
        Assert.Equal(roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), CardData.Of(current, "round.status")["roundId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_open_round_form_suggests_the_current_quarter_until_its_round_is_open()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);

        // 1 October 2026: Q3's meeting can still come, so Q3 (not Q4) is suggested until its round is open.
        Assert.Equal("2026-Q3", SuggestedQuarter(Assert.Single(await wire.SayAsync(Sec, "open round", ct))));
        await wire.OpenRoundAsync(ct);
        Assert.Equal("2026-Q4", SuggestedQuarter(Assert.Single(await wire.SayAsync(Sec, "open round", ct))));
    }

    private static string? SuggestedQuarter(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "quarter").GetProperty("value").GetString();

    private static void AssertReadOnly(JsonElement status)
    {
        var text = status.GetRawText();
        Assert.Contains("Closed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Time left", text, StringComparison.Ordinal);
        Assert.False(CardData.Has(status, "round.remindGroup"));
        Assert.False(CardData.Has(status, "round.reopen"));
        Assert.False(CardData.Has(status, "round.close"));
        Assert.True(CardData.Has(status, "update.read"));
    }

    private static async Task SubmitAsync(RoundsWire wire, string achievements, CancellationToken ct)
    {
        var prompt = wire.ProactiveTo(LeadA)[0];
        var submit = CardData.Of(prompt, "update.submit").With("achievements", achievements).With("plans", "More hubs")
            .With("challenges", "Funding").With("rag", "green");
        var summary = await wire.ExecuteAsync(LeadA, "update.submit", submit, ct);
        Assert.True(CardData.Has(summary, "update.edit"));
    }
}
