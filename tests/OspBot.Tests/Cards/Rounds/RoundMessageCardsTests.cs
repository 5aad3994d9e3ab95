using OspBot.Cards.Common;
using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

public sealed class RoundMessageCardsTests
{
    [Fact]
    public void Locked_card_names_the_secretariat_contact_and_offers_reading_only_what_exists()
    {
        var model = new LockedUpdateModel
        {
            Key = RoundSamples.Key,
            SubGroupName = "Stronger Communities",
            QuarterLabel = "Q3 2025/26",
            Deadline = RoundSamples.Deadline,
            SecretariatName = "Jo Smith",
            RecipientMri = RoundSamples.Mri,
        };
        var empty = RoundCardChecks.AssertValid(RoundMessageCards.Locked(model));
        var written = RoundCardChecks.AssertValid(RoundMessageCards.Locked(model with { HasText = true }));

        Assert.Contains("The deadline has passed", CardQueries.Texts(empty));
        Assert.Contains("To change it, ask the OSP secretariat (Jo Smith) to reopen it.", CardQueries.Texts(empty));
        Assert.Empty(RoundCardChecks.Buttons(empty, RoundVerbs.ReadUpdate));
        Assert.Single(RoundCardChecks.Buttons(written, RoundVerbs.ReadUpdate));
    }

    [Fact]
    public void Chaser_says_days_left_and_offers_open_and_remind_tomorrow()
    {
        var model = new ChaserModel
        {
            Key = RoundSamples.Key,
            SubGroupName = "Stronger Communities",
            QuarterLabel = "Q3 2025/26",
            Deadline = RoundSamples.Deadline,
            Now = RoundSamples.Deadline.AddHours(-20),
            RecipientMri = RoundSamples.Mri,
            HasDraft = true,
        };
        var card = RoundCardChecks.AssertValid(RoundMessageCards.Chaser(model));

        Assert.Contains("1 day left", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Your draft is saved but not yet submitted.", CardQueries.Texts(card));
        Assert.Equal("Open my update", Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.OpenUpdate)).GetProperty("title").GetString());
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.RemindTomorrow));
        Assert.Equal("chaser", card.GetProperty("refresh").GetProperty("action").GetProperty("data").GetProperty(RoundData.View).GetString());
    }

    [Theory]
    [InlineData(0, 0, "5 days left")]
    [InlineData(4, 12, "1 day left")]
    [InlineData(5, 0, "Due today at 9:00")]
    [InlineData(5, 1, "The deadline has passed")]
    public void Time_left_counts_london_calendar_days(int days, int hours, string expected) =>
        Assert.Equal(expected, CardFormat.TimeLeft(new DateTimeOffset(2026, 10, 21, 8, 0, 0, TimeSpan.Zero).AddDays(days).AddHours(hours), RoundSamples.Deadline));

    [Fact]
    public void Deadlines_are_written_in_london_summer_and_winter_time()
    {
        Assert.Equal("Monday 26 October 2026, 9:00", CardFormat.DateTime(RoundSamples.Deadline));
        Assert.Equal("Friday 3 July 2026, 17:00", CardFormat.DateTime(new DateTimeOffset(2026, 7, 3, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Refusals_say_why_and_who_to_ask()
    {
        var notLead = RoundCardChecks.AssertValid(RoundMessageCards.NotALead());
        var notMatched = RoundCardChecks.AssertValid(MessageCards.NotMatched());

        Assert.Contains(CardQueries.Texts(notLead), t => t.StartsWith(
            "You are not a chair or lead of a sub-group, so there is no update for you to write. If this is wrong, ask the OSP secretariat",
            StringComparison.Ordinal));
        Assert.Contains(CardQueries.Texts(notMatched), t => t.Contains("could not match your Teams account", StringComparison.Ordinal));
    }

    [Fact]
    public void History_lists_entries_with_read_or_status_buttons()
    {
        var card = RoundCardChecks.AssertValid(HistoryCards.History(new()
        {
            Title = "Stronger Communities: past updates",
            Entries =
            [
                new() { RoundId = "r2", QuarterLabel = "Q2 2025/26", Key = new("r2", "u9", "4"), State = UpdateState.Submitted, Rag = Rag.Green, Submitted = new("Ada", RoundSamples.Now) },
                new() { RoundId = "r1", QuarterLabel = "Q1 2025/26", SubGroupName = "Stronger Communities" },
            ],
        }));

        Assert.Equal("u9", RoundCardChecks.Data(Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate)), RoundData.UpdateId));
        Assert.Equal("r1", RoundCardChecks.Data(Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.ShowStatus)), RoundData.RoundId));
        Assert.Contains("Submitted by Ada on 21 Oct 2026, 14:30", CardQueries.Texts(card));
    }

    [Fact]
    public void Long_history_lists_the_newest_entries_and_counts_the_rest()
    {
        var entries = Enumerable.Range(0, 45).Select(i => new HistoryEntry { RoundId = $"r{i}", QuarterLabel = $"Q{(i % 4) + 1} 20{i}" }).ToList();
        var card = RoundCardChecks.AssertValid(HistoryCards.History(new() { Title = "Past rounds", Entries = entries }));

        Assert.Equal(HistoryCards.MaxEntries, RoundCardChecks.Buttons(card, RoundVerbs.ShowStatus).Count);
        Assert.Contains("25 older entries are not listed.", CardQueries.Texts(card));
        RoundCardChecks.AssertValid(HistoryCards.History(new() { Title = "Past rounds" }));
    }

    [Fact]
    public void Open_round_form_has_quarter_defaults_and_dates()
    {
        var card = RoundCardChecks.AssertValid(OpenRoundCards.OpenRound(new()
        {
            Quarters = [new("2026-q3", "Q3 2026/27"), new("2026-q4", "Q4 2026/27")],
            DefaultQuarter = "2026-q3",
            MeetingDate = new DateOnly(2026, 11, 12),
            Errors = [new(OpenRoundInputs.DeadlineDate, "The deadline must be before the meeting.")],
        }));

        Assert.Equal("2026-q3", RoundCardChecks.Input(card, OpenRoundInputs.Quarter).GetProperty("value").GetString());
        Assert.Equal("2026-11-12", RoundCardChecks.Input(card, OpenRoundInputs.MeetingDate).GetProperty("value").GetString());
        Assert.False(RoundCardChecks.Input(card, OpenRoundInputs.PromptDate).TryGetProperty("value", out _));
        Assert.Contains("The deadline must be before the meeting.", CardQueries.Texts(card));
        Assert.Equal("Auto", Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.OpenRound)).GetProperty("associatedInputs").GetString());
    }
}
