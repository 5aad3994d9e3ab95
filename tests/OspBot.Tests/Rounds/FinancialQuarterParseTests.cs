using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

public sealed class FinancialQuarterParseTests
{
    [Theory]
    [InlineData("Q3 2025/26")]
    [InlineData("2025/26 Q3")]
    [InlineData("q3 2025/2026")]
    [InlineData("2025-Q3")]
    [InlineData("Q3 2025")]
    [InlineData("  Q3   2025/26 ")]
    public void Quarters_are_read_as_people_type_them(string text)
    {
        Assert.True(FinancialQuarter.TryParse(text, out var quarter));
        Assert.Equal(new FinancialQuarter(2025, 3), quarter);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Q5 2025/26")]
    [InlineData("Q0 2025/26")]
    [InlineData("Q3 2025/27")]
    [InlineData("Q3 25/26")]
    [InlineData("Q3 1999/00")]
    [InlineData("Q3 Q4")]
    [InlineData("Q3 2025/26 extra")]
    [InlineData("last year")]
    public void Anything_else_is_not_a_quarter(string? text) =>
        Assert.False(FinancialQuarter.TryParse(text, out _));
}
