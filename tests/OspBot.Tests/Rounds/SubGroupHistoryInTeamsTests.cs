using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Cards.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Rounds;

/// Issue 13: sub-groups named as people name them. "history Stronger Communities" (the name every card shows),
/// "history stronger", and a picker when the words name several sub-groups, none, or nothing was typed; the card's
/// title uses the display name, never the key. Through the real HTTP pipeline on the built-in sample directory.
public sealed class SubGroupHistoryInTeamsTests
{
    private static readonly (string Key, string Name)[] SampleSubGroups =
    [
        ("economic-development", "Economic Development"),
        ("stronger-communities", "Stronger Communities"),
        ("zero-carbon-oxford-partnership", "Zero Carbon Oxford Partnership"),
        ("safer-communities", "Safer Communities"),
    ];

    [Theory]
    [InlineData("Stronger Communities", "stronger-communities")]
    [InlineData("stronger", "stronger-communities")]
    [InlineData("stronger-communities", "stronger-communities")]
    [InlineData("zero carbon", "zero-carbon-oxford-partnership")]
    [InlineData("Zero-Carbon Oxford Partnership", "zero-carbon-oxford-partnership")]
    [InlineData("econ dev", "economic-development")]
    public void Words_people_type_name_one_sub_group(string typed, string key) =>
        Assert.Equal([key], GroupNames.Match(SampleSubGroups, typed, g => g.Key, g => g.Name).Select(g => g.Key));

    [Theory]
    [InlineData("communities", 2)]
    [InlineData("", 0)]
    [InlineData("housing", 0)]
    public void Unclear_words_name_several_or_none(string typed, int count) =>
        Assert.Equal(count, GroupNames.Match(SampleSubGroups, typed, g => g.Key, g => g.Name).Count);

    [Fact]
    public async Task History_by_the_name_on_the_cards_or_a_part_of_it_is_titled_with_that_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);

        foreach (var typed in new[] { "history Stronger Communities", "history stronger", "HISTORY stronger-communities" })
        {
            var card = Assert.Single(await wire.SayAsync(Sec, typed, ct)).GetRawText();
            Assert.Contains("Stronger Communities: past updates", card, StringComparison.Ordinal);
            Assert.DoesNotContain("stronger-communities: past", card, StringComparison.Ordinal);
            Assert.DoesNotContain("can't find", card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_ambiguous_or_missing_name_gets_a_picker_whose_buttons_open_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);

        var ambiguous = Assert.Single(await wire.SayAsync(Sec, "history communities", ct));
        Assert.Contains("More than one sub-group matches", ambiguous.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["Safer Communities", "Stronger Communities"], Titles(ambiguous));

        var none = Assert.Single(await wire.SayAsync(Sec, "history housing", ct));
        Assert.Contains("No sub-group is called", none.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(SampleSubGroups.Select(g => g.Name).Order(StringComparer.Ordinal), Titles(none));

        var bare = Assert.Single(await wire.SayAsync(Sec, "history", ct));
        Assert.Equal(4, Titles(bare).Count);

        var chosen = await wire.ExecuteAsync(Sec, RoundVerbs.SubGroupHistory, new JsonObject { ["subGroupKey"] = "safer-communities" }, ct);
        Assert.Contains("Safer Communities: past updates", chosen.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_the_secretariat_who_also_leads_lists_history_and_my_update()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);

        // The secretariat officer also leads Stronger Communities, as in the playground's demo directory.
        await wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            var sec = await db.People.SingleAsync(p => p.EntraObjectId == Sec.Aad, ct);
            var group = await db.Groups.SingleAsync(g => g.Key == "stronger-communities", ct);
            db.Memberships.Add(new Membership { PersonId = sec.Id, GroupId = group.Id, Role = MembershipRole.Lead });
            return await db.SaveChangesAsync(ct);
        });

        var lead = Assert.Single(await wire.SayAsync(LeadA, "help", ct)).GetRawText();
        Assert.Contains("history Stronger Communities", lead, StringComparison.Ordinal);
        Assert.Contains("my update", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("open round", lead, StringComparison.Ordinal);
        var secretariat = Assert.Single(await wire.SayAsync(Sec, "help", ct)).GetRawText();
        Assert.Contains("history Stronger Communities", secretariat, StringComparison.Ordinal);
        Assert.Contains("open round", secretariat, StringComparison.Ordinal);
        Assert.Contains("my update", secretariat, StringComparison.Ordinal);
    }

    [Fact]
    public void The_picker_is_a_valid_card_with_a_button_per_sub_group()
    {
        var card = RoundCardChecks.AssertValid(HistoryCards.SubGroupPicker(new SubGroupPickerModel
        {
            Typed = "communities",
            Ambiguous = true,
            SubGroups = [new("safer-communities", "Safer Communities"), new("stronger-communities", "Stronger Communities")],
        }));
        Assert.Equal(2, RoundCardChecks.Buttons(card, RoundVerbs.SubGroupHistory).Count);
    }

    private static List<string> Titles(System.Text.Json.JsonElement card) =>
        [.. card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
}
