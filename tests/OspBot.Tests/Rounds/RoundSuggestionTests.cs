using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

/// The open-round form's suggestion: the quarter whose round has not been opened and whose meeting is still ahead.
public sealed class RoundSuggestionTests
{
    private static readonly RoundOptions DefaultOptions = new();
    private static readonly FinancialQuarter Q3 = new(2026, 3);
    private static readonly FinancialQuarter Q4 = new(2026, 4);

    private static RoundSuggestion On(DateOnly today, FinancialQuarter[]? withRounds = null, DateOnly[]? planned = null) =>
        RoundSuggestion.For(today, withRounds ?? [], planned ?? [], DefaultOptions);

    [Fact]
    public void Early_in_a_quarter_with_no_round_the_current_quarter_is_suggested() =>
        Assert.Equal(new RoundSuggestion(Q3, null), On(new DateOnly(2026, 10, 1)));

    [Fact]
    public void A_quarter_that_already_has_a_round_is_skipped() =>
        Assert.Equal(new RoundSuggestion(Q4, null), On(new DateOnly(2026, 10, 1), withRounds: [Q3]));

    [Fact]
    public void A_planned_meeting_still_ahead_is_suggested_with_its_date() =>
        Assert.Equal(new RoundSuggestion(Q3, new DateOnly(2026, 11, 2)),
            On(new DateOnly(2026, 10, 1), planned: [new DateOnly(2026, 11, 2), new DateOnly(2027, 2, 1)]));

    [Fact]
    public void When_the_quarter_s_planned_meeting_has_passed_the_next_quarter_s_is_suggested() =>
        Assert.Equal(new RoundSuggestion(Q4, new DateOnly(2027, 2, 1)),
            On(new DateOnly(2026, 11, 20), planned: [new DateOnly(2026, 11, 2), new DateOnly(2027, 2, 1)]));

    [Fact]
    public void Too_late_in_a_quarter_for_a_deadline_before_a_meeting_in_it_the_next_quarter_is_suggested()
    {
        Assert.Equal(new RoundSuggestion(Q4, null), On(new DateOnly(2026, 12, 24)));
        Assert.Equal(new RoundSuggestion(Q3, null), On(new DateOnly(2026, 12, 23)));
    }

    [Fact]
    public void With_every_offered_quarter_taken_the_next_quarter_is_the_fallback() =>
        Assert.Equal(new RoundSuggestion(Q4, null), On(new DateOnly(2026, 10, 1), withRounds: [Q3, Q4, new FinancialQuarter(2027, 1)]));
}
