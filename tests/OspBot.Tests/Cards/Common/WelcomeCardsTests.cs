using System.Text;
using OspBot.Cards.Common;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards.Common;

public sealed class WelcomeCardsTests
{
    [Theory]
    [MemberData(nameof(Audiences.Names), MemberType = typeof(Audiences))]
    public void Welcome_card_is_valid_for_every_audience(string audienceName)
    {
        var audience = Audiences.Named(audienceName);
        AdaptiveCardSchema.AssertValid(WelcomeCards.Welcome(new() { Audience = audience }));
        AdaptiveCardSchema.AssertValid(WelcomeCards.Welcome(new()
        {
            Audience = audience with { SubGroupsLed = audience.SubGroupsLed.Count > 0 ? ["Economic Development", "Safer Communities"] : [] },
            DisplayName = "Ada Lovelace",
        }));
    }

    [Theory]
    [MemberData(nameof(Audiences.Names), MemberType = typeof(Audiences))]
    public void Welcome_card_lists_exactly_the_commands_given(string audienceName)
    {
        var audience = Audiences.Named(audienceName);
        var card = WelcomeCards.Welcome(new() { Audience = audience }).ToJsonElement();

        Assert.Equal(audience.Commands.Select(c => c.Usage), CardQueries.FactTitles(card));
    }

    [Fact]
    public void Unknown_people_are_told_they_are_not_matched_and_who_can_link_them()
    {
        var text = AllText(new() { Audience = Audiences.Unknown, DisplayName = "Sam" });

        Assert.Contains("could not match you to the OSP directory", text, StringComparison.Ordinal);
        Assert.Contains("Policy & Partnerships Team", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Leads_see_their_sub_groups_and_the_four_update_sections()
    {
        var text = AllText(new() { Audience = Audiences.Lead });

        Assert.Contains("the Zero Carbon Oxford Partnership sub-group", text, StringComparison.Ordinal);
        Assert.Contains("1. Achievements since last update", text, StringComparison.Ordinal);
        Assert.Contains("2. Plans for the next six months", text, StringComparison.Ordinal);
        Assert.Contains("3. Challenges and/or blocks to progress", text, StringComparison.Ordinal);
        Assert.Contains("4. Requests for OSP support/advice/action/intervention", text, StringComparison.Ordinal);
        Assert.Contains("my update", CardQueries.FactTitles(WelcomeCards.Welcome(new() { Audience = Audiences.Lead }).ToJsonElement()));
    }

    [Fact]
    public void Members_see_the_groups_they_sit_on()
    {
        var text = AllText(new() { Audience = Audiences.Member });

        Assert.Contains("You are a member of the Oxford Strategic Partnership (OSP Steering Group).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shortcut_buttons_post_exactly_the_shortcut_commands()
    {
        var card = WelcomeCards.Welcome(new() { Audience = Audiences.Secretariat }).ToJsonElement();
        var posted = CardQueries.OfType(card, "Action.Submit")
            .Select(a => a.GetProperty("data").GetProperty("msteams").GetProperty("value").GetString()).ToList();

        Assert.Equal(["rounds", "status"], posted);
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void Names_from_users_are_escaped_and_shown_as_typed(string name)
    {
        var card = WelcomeCards.Welcome(new() { Audience = Audiences.Lead with { SubGroupsLed = [name] }, DisplayName = name });

        AdaptiveCardSchema.AssertValid(card);
        var oneLine = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var shown = CardQueries.Texts(card.ToJsonElement()).Select(CardQueries.Displayed).ToList();
        Assert.Contains(shown, t => t.Contains($"Welcome to OspBot, {oneLine}", StringComparison.Ordinal));
        Assert.Contains(shown, t => t.Contains($"the {oneLine} sub-group", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_name_and_many_sub_groups_stay_under_the_Teams_size_limit()
    {
        var card = WelcomeCards.Welcome(new()
        {
            Audience = Audiences.Lead with { SubGroupsLed = [.. Enumerable.Range(0, 50).Select(i => $"Sub-group {i} " + new string('_', 1000))] },
            DisplayName = string.Concat(Enumerable.Repeat("**🎉**", 20_000)),
        });

        AdaptiveCardSchema.AssertValid(card);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJson()) < AdaptiveCardSchema.MaxBytes);
    }

    private static string AllText(WelcomeCardModel model) =>
        string.Join("\n", CardQueries.Texts(WelcomeCards.Welcome(model).ToJsonElement()));
}
