using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.Tests.Requests;

/// Issue 15: section 4 split into requests, and the register exported as CSV (escaped, formulas neutralised) and Markdown.
public sealed class RegisterExportTests
{
    [Fact]
    public void Section_four_is_split_one_request_per_bullet_or_paragraph_and_none_is_no_request()
    {
        const string section = "• Help finding a venue for the summit\n• Data from the County on NEETs, by ward\n\n"
            + "We would also like the OSP to write to the Department for Work and Pensions about the\nclosure of the Rose Hill job centre.";

        var requests = RequestRules.Split(section);

        Assert.Equal(
            ["Help finding a venue for the summit", "Data from the County on NEETs, by ward",
             "We would also like the OSP to write to the Department for Work and Pensions about the closure of the Rose Hill job centre."],
            requests);
        Assert.Empty(RequestRules.Split("None."));
        Assert.Empty(RequestRules.Split("No requests this quarter"));
        Assert.Empty(RequestRules.Split("  \n\n"));
        Assert.Single(RequestRules.Split("None of the partners has a venue; can the OSP find one?"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"yes\"", "\"say \"\"yes\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("crlf\r\nline", "\"crlf\r\nline\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+44 1865 249811", "'+44 1865 249811")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("=1+1, then", "\"'=1+1, then\"")]
    [InlineData("a = b", "a = b")]
    public void A_csv_field_is_quoted_when_it_must_be_and_never_runs_as_a_formula(string value, string expected) =>
        Assert.Equal(expected, RegisterExport.Field(value));

    [Fact]
    public void The_csv_has_a_header_and_one_row_per_request_whatever_the_text_holds()
    {
        var requests = new[] { Request(1, "Venue, please", "=cmd|' /C calc'!A0"), Request(2, "Line one\nline two", null) };

        var csv = RegisterExport.Csv(requests);

        var lines = csv.Split("\r\n");
        Assert.Equal("Id,Sub-group,Quarter,Request,Status,Owner,Due,Response,Changed,Changed by", lines[0]);
        Assert.StartsWith("1,Stronger Communities,Q3 2026/27,\"Venue, please\",Accepted,Sam Secretariat,2026-11-30,'=cmd|' /C calc'!A0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,Stronger Communities,Q3 2026/27,\"Line one\nline two\",Accepted,", lines[2], StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void The_markdown_is_a_table_per_sub_group_that_text_cannot_break()
    {
        var markdown = RegisterExport.Markdown([Request(1, "Venue | *now*\nplease", "Booked the Town Hall")]);

        Assert.Contains("## Stronger Communities", markdown, StringComparison.Ordinal);
        Assert.Contains("| Q3 2026/27 | Venue \\| \\*now\\* please | Accepted | Sam Secretariat | 2026-11-30 | Booked the Town Hall |", markdown, StringComparison.Ordinal);
    }

    private static RequestView Request(int id, string text, string? response) => new()
    {
        Id = id,
        GroupKey = "stronger-communities",
        GroupName = "Stronger Communities",
        Quarter = new FinancialQuarter(2026, 3),
        Text = text,
        Status = RequestStatus.Accepted,
        OwnerPersonId = 1,
        OwnerName = "Sam Secretariat",
        DueDate = new DateOnly(2026, 11, 30),
        Response = response,
        Revision = 1,
        UpdatedAt = new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero),
        UpdatedBy = "Sam Secretariat",
    };
}
