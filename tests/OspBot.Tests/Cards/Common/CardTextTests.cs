using OspBot.Cards;
using OspBot.Cards.Common;

namespace OspBot.Tests.Cards.Common;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("snake_case_name", @"snake\_case\_name")]
    [InlineData("[x](http://a)", @"\[x\](http://a)")]
    [InlineData("- item", @"\- item")]
    [InlineData("Zero-carbon", "Zero-carbon")]
    [InlineData("  + item", @"  \+ item")]
    [InlineData("1. one\n22) two", "1\\. one\n22\\) two")]
    [InlineData("2024 was good", "2024 was good")]
    [InlineData("# title", @"\# title")]
    [InlineData("a <b> & c", @"a \<b\> \& c")]
    [InlineData(@"C:\temp", @"C:\\temp")]
    [InlineData("{{DATE(x)}}", "{\u200B{DATE(x)}}")]
    [InlineData("", "")]
    public void Escape_neutralises_markdown_and_card_functions(string input, string expected) =>
        Assert.Equal(expected, CardText.Escape(input));

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void Escaped_text_displays_exactly_what_was_typed(string input) =>
        Assert.Equal(input, CardQueries.Displayed(CardText.Escape(input)));

    [Fact]
    public void Escape_leaves_no_function_call_for_the_card_to_evaluate()
    {
        var escaped = CardText.Escape("{{DATE(2017-02-14T06:08:39Z, SHORT)}}{{{TIME(x)}}}");
        Assert.DoesNotContain("{{", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_collapses_whitespace_and_cuts_long_text()
    {
        var quoted = CardText.Quote("  hello \n\n  world  " + new string('x', 500), 20);
        Assert.StartsWith("hello world x", quoted, StringComparison.Ordinal);
        Assert.Equal(20, quoted.Length);
        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_never_splits_an_emoji()
    {
        var cut = CardText.Truncate("ab🎉cd", 4);
        Assert.Equal("ab…", cut);
        Assert.Equal("ab🎉…", CardText.Truncate("ab🎉cdef", 5));
    }
}
