using System.Text;
using OspBot.Cards;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards;

public sealed class WelcomeCardsTests
{
    // By name: the enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string> Audiences { get; } = [.. Enum.GetNames<CardAudience>()];

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Welcome_card_is_valid_for_every_audience(string audienceName)
    {
        var audience = Enum.Parse<CardAudience>(audienceName);
        AdaptiveCardSchema.AssertValid(WelcomeCards.Welcome(new() { Audience = audience }));
        AdaptiveCardSchema.AssertValid(WelcomeCards.Welcome(new()
        {
            Audience = audience,
            DisplayName = "Ada Lovelace",
            SubGroups = ["Economic Development", "Safer Communities"],
        }));
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Welcome_card_lists_exactly_the_commands_of_the_audience(string audienceName)
    {
        var audience = Enum.Parse<CardAudience>(audienceName);
        var card = WelcomeCards.Welcome(new() { Audience = audience }).ToJsonElement();

        Assert.Equal(BotCommands.For(audience).Select(c => c.Usage), CardQueries.FactTitles(card));
    }

    [Fact]
    public void Unknown_people_are_told_they_are_not_matched_and_who_can_link_them()
    {
        var text = AllText(new() { Audience = CardAudience.Unknown, DisplayName = "Sam" });

        Assert.Contains("could not match you to the OSP directory", text, StringComparison.Ordinal);
        Assert.Contains("Policy & Partnerships Team", text, StringComparison.Ordinal);
        Assert.Equal(["help"], BotCommands.For(CardAudience.Unknown).Select(c => c.Title));
    }

    [Fact]
    public void Leads_see_their_sub_groups_and_the_four_update_sections()
    {
        var text = AllText(new() { Audience = CardAudience.SubGroupLead, SubGroups = ["Zero Carbon Oxford Partnership"] });

        Assert.Contains("the Zero Carbon Oxford Partnership sub-group", text, StringComparison.Ordinal);
        Assert.Contains("1. Achievements since last update", text, StringComparison.Ordinal);
        Assert.Contains("2. Plans for the next six months", text, StringComparison.Ordinal);
        Assert.Contains("3. Challenges and/or blocks to progress", text, StringComparison.Ordinal);
        Assert.Contains("4. Requests for OSP support/advice/action/intervention", text, StringComparison.Ordinal);
        Assert.Contains("my update", CardQueries.FactTitles(WelcomeCards.Welcome(new() { Audience = CardAudience.SubGroupLead }).ToJsonElement()));
    }

    [Fact]
    public void Secretariat_sees_the_round_and_report_commands()
    {
        var titles = CardQueries.FactTitles(WelcomeCards.Welcome(new() { Audience = CardAudience.Secretariat }).ToJsonElement());

        Assert.Contains("status", titles);
        Assert.Contains("open round", titles);
        Assert.Contains("compile report 2024/25", titles);
    }

    [Fact]
    public void Shortcut_buttons_only_post_read_only_commands()
    {
        var card = WelcomeCards.Welcome(new() { Audience = CardAudience.Secretariat }).ToJsonElement();
        var posted = CardQueries.OfType(card, "Action.Submit")
            .Select(a => a.GetProperty("data").GetProperty("msteams").GetProperty("value").GetString()).ToList();

        Assert.Equal(["status", "rounds"], posted);
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void Names_from_users_are_escaped_and_shown_as_typed(string name)
    {
        var card = WelcomeCards.Welcome(new() { Audience = CardAudience.SubGroupLead, DisplayName = name, SubGroups = [name] });

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
            Audience = CardAudience.SubGroupLead,
            DisplayName = string.Concat(Enumerable.Repeat("**🎉**", 20_000)),
            SubGroups = [.. Enumerable.Range(0, 50).Select(i => $"Sub-group {i} " + new string('_', 1000))],
        });

        AdaptiveCardSchema.AssertValid(card);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJson()) < AdaptiveCardSchema.MaxBytes);
    }

    private static string AllText(WelcomeCardModel model) =>
        string.Join("\n", CardQueries.Texts(WelcomeCards.Welcome(model).ToJsonElement()));
}
