using OspBot.Cards.Common;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Cards.Common;

public sealed class HelpCardsTests
{
    [Theory]
    [MemberData(nameof(Audiences.Names), MemberType = typeof(Audiences))]
    public void Help_card_is_valid_and_lists_exactly_the_commands_given(string audienceName)
    {
        var audience = Audiences.Named(audienceName);
        var help = HelpCards.Help(new() { Audience = audience });
        var confused = HelpCards.Help(new() { Audience = audience, NotUnderstood = "what?" });

        AdaptiveCardSchema.AssertValid(help);
        AdaptiveCardSchema.AssertValid(confused);
        var expected = audience.Commands.Select(c => c.Usage);
        Assert.Equal(expected, CardQueries.FactTitles(help.ToJsonElement()));
        Assert.Equal(expected, CardQueries.FactTitles(confused.ToJsonElement()));
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void What_was_not_understood_is_quoted_literally(string message)
    {
        var card = HelpCards.Help(new() { Audience = Audiences.Member, NotUnderstood = message });

        AdaptiveCardSchema.AssertValid(card);
        var oneLine = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var first = CardQueries.Texts(card.ToJsonElement())[0];
        Assert.Equal($"Sorry, I did not understand “{oneLine}”. Here is what I can do.", CardQueries.Displayed(first));
    }

    [Fact]
    public void A_very_long_message_is_cut_and_the_card_stays_small()
    {
        var card = HelpCards.Help(new() { Audience = Audiences.Secretariat, NotUnderstood = new string('*', 100_000) });

        AdaptiveCardSchema.AssertValid(card);
        var first = CardQueries.Displayed(CardQueries.Texts(card.ToJsonElement())[0]);
        Assert.Contains(new string('*', HelpCards.MaxQuotedChars - 1) + "…", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_message_gets_a_plain_apology() =>
        Assert.StartsWith(
            "Sorry, I did not understand that.",
            CardQueries.Texts(HelpCards.Help(new() { Audience = Audiences.Unknown, NotUnderstood = " \n " }).ToJsonElement())[0],
            StringComparison.Ordinal);

    [Fact]
    public void Plain_help_has_a_heading_instead_of_an_apology() =>
        Assert.Equal(
            "What OspBot can do for you",
            CardQueries.Texts(HelpCards.Help(new() { Audience = Audiences.Member }).ToJsonElement())[0]);

    [Fact]
    public void Someone_with_several_roles_reads_what_OspBot_does_for_each()
    {
        var text = string.Join("\n", CardQueries.Texts(HelpCards.Help(new()
        {
            Audience = Audiences.Secretariat with { SubGroupsLed = ["Safer Communities"] },
        }).ToJsonElement()));

        Assert.Contains("You are part of the OSP secretariat.", text, StringComparison.Ordinal);
        Assert.Contains("You lead the Safer Communities sub-group.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("You are a member of the Oxford Strategic Partnership", text, StringComparison.Ordinal);
    }
}
