using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

public sealed class RoundCalendarTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-04-01", 2025, 1, "Q1 2025/26")]
    [InlineData("2025-06-30", 2025, 1, "Q1 2025/26")]
    [InlineData("2025-07-01", 2025, 2, "Q2 2025/26")]
    [InlineData("2025-10-15", 2025, 3, "Q3 2025/26")]
    [InlineData("2026-01-01", 2025, 4, "Q4 2025/26")]
    [InlineData("2026-03-31", 2025, 4, "Q4 2025/26")]
    [InlineData("2026-04-01", 2026, 1, "Q1 2026/27")]
    [InlineData("2099-12-31", 2099, 3, "Q3 2099/00")]
    public void Quarters_follow_the_uk_financial_year(string date, int startYear, int quarter, string label)
    {
        var q = FinancialQuarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new FinancialQuarter(startYear, quarter), q);
        Assert.Equal(label, q.Label);
    }

    [Fact]
    public void Quarter_arithmetic_crosses_the_year_end()
    {
        var q4 = new FinancialQuarter(2025, 4);
        Assert.Equal(new FinancialQuarter(2026, 1), q4.Next);
        Assert.Equal(new DateOnly(2026, 1, 1), q4.FirstDay);
        Assert.Equal(new DateOnly(2026, 3, 31), q4.LastDay);
    }

    [Fact]
    public void The_quarter_of_an_instant_is_taken_in_london()
    {
        // 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April: already the new financial year.
        Assert.Equal(new FinancialQuarter(2026, 1), RoundCalendar.QuarterOf(Utc(2026, 3, 31, 23, 30)));
        // In winter London is on UTC.
        Assert.Equal(new FinancialQuarter(2025, 3), RoundCalendar.QuarterOf(Utc(2025, 12, 31, 23, 30)));
    }

    [Fact]
    public void Default_dates_keep_nine_oclock_local_across_the_autumn_clock_change()
    {
        // Clocks go back on 25 October 2026: prompts and first chasers are in BST, the deadline in GMT.
        var dates = RoundCalendar.DefaultDates(new DateOnly(2026, 11, 2), new RoundOptions());

        Assert.Equal(Utc(2026, 10, 12, 8), dates.PromptAt);
        Assert.Equal(Utc(2026, 10, 26, 9), dates.DeadlineAt);
        Assert.Equal([Utc(2026, 10, 19, 8), Utc(2026, 10, 24, 8)], dates.ChaserAts);
        Assert.Equal(TimeSpan.Zero, dates.PromptAt.Offset);
    }

    [Fact]
    public void Default_dates_keep_nine_oclock_local_across_the_spring_clock_change()
    {
        // Clocks go forward on 29 March 2026.
        var dates = RoundCalendar.DefaultDates(new DateOnly(2026, 4, 10), new RoundOptions());

        Assert.Equal(Utc(2026, 3, 20, 9), dates.PromptAt);
        Assert.Equal(Utc(2026, 4, 3, 8), dates.DeadlineAt);
        Assert.Equal([Utc(2026, 3, 27, 9), Utc(2026, 4, 1, 8)], dates.ChaserAts);
    }

    [Fact]
    public void Times_in_the_spring_gap_move_forward_and_in_the_autumn_overlap_take_bst()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 30), London.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30)));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), London.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(1, 30)));
    }

    [Fact]
    public void Configured_options_change_the_defaults()
    {
        var options = new RoundOptions { PromptDaysBefore = 28, DeadlineDaysBefore = 10, ChaserDaysBeforeDeadline = [3], SendAtLocalTime = new(14, 30) };
        var dates = RoundCalendar.DefaultDates(new DateOnly(2026, 1, 29), options);

        Assert.Equal(Utc(2026, 1, 1, 14, 30), dates.PromptAt);
        Assert.Equal(Utc(2026, 1, 19, 14, 30), dates.DeadlineAt);
        Assert.Equal([Utc(2026, 1, 16, 14, 30)], dates.ChaserAts);
    }

    [Fact]
    public void Validation_names_every_problem()
    {
        var now = Utc(2026, 10, 1, 12);
        var meeting = new DateOnly(2026, 11, 2);
        Assert.Empty(RoundCalendar.Validate(meeting, RoundCalendar.DefaultDates(meeting, new RoundOptions()), now));

        var bad = new RoundDates(Utc(2026, 11, 5, 9), Utc(2026, 11, 4, 9), [Utc(2026, 11, 6, 9)]);
        var errors = RoundCalendar.Validate(meeting, bad, now);
        Assert.Contains("The deadline must come after the prompts are sent.", errors);
        Assert.Contains("The deadline must not be after the meeting.", errors);
        Assert.Contains("Chasers must fall between the prompts and the deadline.", errors);

        Assert.Contains("The steering group meeting must be in the future.",
            RoundCalendar.Validate(new DateOnly(2026, 9, 1), RoundCalendar.DefaultDates(new DateOnly(2026, 9, 1), new RoundOptions()), now));
    }

    [Fact]
    public void Days_left_and_tomorrow_count_london_days()
    {
        var deadline = Utc(2026, 10, 26, 9);
        Assert.Equal(7, RoundCalendar.DaysLeft(Utc(2026, 10, 19, 8), deadline));
        Assert.Equal(0, RoundCalendar.DaysLeft(Utc(2026, 10, 26, 20), deadline));
        Assert.Equal(-1, RoundCalendar.DaysLeft(Utc(2026, 10, 27, 0, 30), deadline));
        // 23:30 UTC on 24 October is 00:30 BST on the 25th (BST ends at 01:00 UTC): tomorrow is the 26th, in GMT.
        Assert.Equal(Utc(2026, 10, 26, 9), RoundCalendar.Tomorrow(Utc(2026, 10, 24, 23, 30), new RoundOptions()));
    }

    [Fact]
    public void Options_refuse_a_deadline_before_the_prompt()
    {
        var options = new RoundOptions { PromptDaysBefore = 7, DeadlineDaysBefore = 7 };
        var results = options.Validate(new ValidationContext(options)).ToList();
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RoundOptions.DeadlineDaysBefore)));
        Assert.Empty(new RoundOptions().Validate(new ValidationContext(new RoundOptions())));
    }

    [Fact]
    public void Configured_chaser_days_replace_the_defaults_rather_than_adding_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rounds:ChaserDaysBeforeDeadline:0"] = "3" })
            .Build();

        var configured = configuration.GetSection(RoundOptions.Section).Get<RoundOptions>()!;

        Assert.Equal([3], configured.ChaserDays);
        Assert.Equal([7, 2], new RoundOptions().ChaserDays);
    }
}
