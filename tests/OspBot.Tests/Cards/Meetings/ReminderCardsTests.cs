using OspBot.Cards.Meetings;
using static OspBot.Tests.Cards.Meetings.MeetingCardChecks;

namespace OspBot.Tests.Cards.Meetings;

public sealed class ReminderCardsTests
{
    [Fact]
    public void The_reminder_gives_title_time_join_link_and_agenda_and_offers_apologies_with_a_note()
    {
        var card = AssertValid(ReminderCard.Build(MeetingSamples.Reminder()));
        var texts = CardQueries.Texts(card);

        Assert.Equal("In 7 days: OSP Steering Group, Q3", texts[0]);
        Assert.Contains(@"1\. Apologies" + "\n\n" + @"2\. Updates", texts);
        Assert.Contains("When: Tue 3 Nov 2026 10:00–11:00 (London time)", Text(card), StringComparison.Ordinal);
        var join = Assert.Single(CardQueries.OfType(card, "Action.OpenUrl"));
        Assert.Equal(ReminderCard.JoinButton, join.GetProperty("title").GetString());
        var apologise = Assert.Single(Buttons(card, MeetingVerbs.SendApologies));
        Assert.Equal("Auto", apologise.GetProperty("associatedInputs").GetString());
        Assert.Equal("7", apologise.GetProperty("data").GetProperty(MeetingVerbs.MeetingId).GetString());
        Assert.Equal(MeetingVerbs.ApologyNote, Input(card, MeetingVerbs.ApologyNote).GetProperty("id").GetString());
        Assert.DoesNotContain(ReminderCard.UpdatesButton, Titles(card));
    }

    [Fact]
    public void A_steering_group_reminder_links_to_the_quarters_updates()
    {
        var card = AssertValid(ReminderCard.Build(MeetingSamples.Reminder() with { RoundId = "42", QuarterLabel = "Q3 2026/27", HowSoon = "tomorrow" }));

        Assert.Equal("Tomorrow: OSP Steering Group, Q3", CardQueries.Texts(card)[0]);
        Assert.Contains("The sub-groups' updates for Q3 2026/27 are ready to read before the meeting.", CardQueries.Texts(card));
        var updates = Assert.Single(Buttons(card, MeetingVerbs.ReadUpdates));
        Assert.Equal(ReminderCard.UpdatesButton, updates.GetProperty("title").GetString());
        Assert.Equal("42", updates.GetProperty("data").GetProperty(MeetingVerbs.RoundId).GetString());
        Assert.Equal("7", updates.GetProperty("data").GetProperty(MeetingVerbs.MeetingId).GetString());
    }

    [Fact]
    public void After_apologies_the_card_confirms_them_and_offers_no_second_send()
    {
        var card = AssertValid(ReminderCard.Build(MeetingSamples.Reminder() with
        {
            Apology = new ApologyLine("Ada", "At a *conference*", MeetingSamples.Now),
        }));
        Assert.Contains(@"Your apologies were sent to the OSP secretariat on Tuesday 27 October 2026, 9:00. Your note: “At a \*conference\*”", Text(card), StringComparison.Ordinal);
        Assert.Empty(Buttons(card, MeetingVerbs.SendApologies));
        Assert.Contains(ReminderCard.JoinButton, Titles(card));

        var earlier = AssertValid(ReminderCard.Build(MeetingSamples.Reminder() with { ApologiesSent = true }));
        Assert.Contains("You have sent your apologies for this meeting.", Text(earlier), StringComparison.Ordinal);
        Assert.Empty(Buttons(earlier, MeetingVerbs.SendApologies));
    }

    [Fact]
    public void A_cancelled_meeting_reminder_says_so_and_a_notice_shows_on_top()
    {
        var cancelled = AssertValid(ReminderCard.Build(MeetingSamples.Reminder() with { IsCancelled = true }));
        Assert.Equal("This meeting was cancelled", CardQueries.Texts(cancelled)[0]);
        Assert.Empty(Titles(cancelled));

        var notice = AssertValid(ReminderCard.Build(MeetingSamples.Reminder() with { Notice = "Only the *secretariat* can read them." }));
        Assert.Contains(@"Only the \*secretariat\* can read them.", CardQueries.Texts(notice));
    }
}
