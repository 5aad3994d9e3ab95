using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class ReportYearTests
{
    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData("2024-25", 2024)]
    [InlineData("2024 / 2025", 2024)]
    [InlineData("fy2024", 2024)]
    [InlineData("2099/00", 2099)]
    [InlineData("2024/26", null)]
    [InlineData("2024/2026", null)]
    [InlineData("24/25", null)]
    [InlineData("last year", null)]
    [InlineData("1999/00", null)]
    public void Parse_reads_the_forms_people_write(string text, int? expected) => Assert.Equal(expected, ReportYear.Parse(text));

    [Theory]
    [InlineData("2026-03-02T09:00:00Z", 2024)]
    [InlineData("2026-03-31T22:59:00Z", 2024)] // 23:59 BST on 31 March: 2025/26 has not ended yet
    [InlineData("2026-03-31T23:00:00Z", 2025)] // midnight in London on 1 April
    [InlineData("2026-04-01T00:30:00Z", 2025)]
    [InlineData("2026-12-31T23:59:00Z", 2025)]
    public void The_default_is_the_last_financial_year_ended_in_London(string now, int expected) =>
        Assert.Equal(expected, ReportYear.LastComplete(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
