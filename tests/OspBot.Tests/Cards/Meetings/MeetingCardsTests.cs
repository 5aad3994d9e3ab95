using System.Text.Json;
using OspBot.Cards.Meetings;
using static OspBot.Tests.Cards.Meetings.MeetingCardChecks;

namespace OspBot.Tests.Cards.Meetings;

public sealed class MeetingCardsTests
{
    [Fact]
    public void Without_graph_the_meeting_card_says_no_invitation_was_sent_and_offers_the_ics_file()
    {
        var card = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting()));
        var text = Text(card);

        Assert.Contains("No calendar invitation was sent because Microsoft Graph is not configured – download the .ics file", text, StringComparison.Ordinal);
        Assert.Contains("When: Tuesday 3 November 2026, 10:00–11:00 (London)", text, StringComparison.Ordinal);
        Assert.Contains("Reminders: 7 days and 1 day before", text, StringComparison.Ordinal);
        var download = Assert.Single(CardQueries.OfType(card, "Action.OpenUrl"));
        Assert.Equal(MeetingCards.DownloadIcsButton, download.GetProperty("title").GetString());
        Assert.Equal("https://bot.example/meetings/7/invitation.ics?t=abc", download.GetProperty("url").GetString());
        Assert.Equal(["Move", "Cancel meeting", "Responses", "Apologies", "Download .ics"], TopTitles(card));
        Assert.Equal("7", Assert.Single(Buttons(card, MeetingVerbs.Move)).GetProperty("data").GetProperty(MeetingInputs.MeetingId).GetString());
    }

    [Fact]
    public void Cancelling_asks_for_confirmation_and_moving_starts_from_the_current_time()
    {
        var card = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with { Start = MeetingSamples.Start.AddMonths(-4) }));

        var cancel = Assert.Single(Buttons(card, MeetingVerbs.Cancel));
        Assert.Equal(MeetingCards.ConfirmCancelButton, cancel.GetProperty("title").GetString());
        Assert.Equal("destructive", cancel.GetProperty("style").GetString());
        var show = CardQueries.OfType(card, "Action.ShowCard").Single(a => a.GetProperty("title").GetString() == MeetingCards.CancelButton);
        Assert.Contains("This cannot be undone.", CardQueries.Texts(show.GetProperty("card")).Single(), StringComparison.Ordinal);
        // 3 July 2026 is in British Summer Time: 10:00 UTC is 11:00 in London.
        Assert.Equal("2026-07-03", Input(card, MeetingInputs.Date).GetProperty("value").GetString());
        Assert.Equal("11:00", Input(card, MeetingInputs.Time).GetProperty("value").GetString());
    }

    [Fact]
    public void With_graph_there_is_no_ics_and_a_cancelled_or_past_meeting_cannot_be_moved()
    {
        var sent = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with
        {
            Invitation = InvitationState.SentByGraph,
            IcsUrl = null,
            JoinUrl = new Uri("https://teams.example/join"),
        }));
        Assert.Contains("The calendar invitation was sent from Outlook", Text(sent), StringComparison.Ordinal);
        Assert.Empty(CardQueries.OfType(sent, "Action.OpenUrl"));

        var cancelled = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with { IsCancelled = true, Notice = "The meeting is cancelled." }));
        Assert.StartsWith("Cancelled: ", CardQueries.Texts(cancelled)[0], StringComparison.Ordinal);
        Assert.Empty(Buttons(cancelled, MeetingVerbs.Move));
        Assert.Empty(Buttons(cancelled, MeetingVerbs.Cancel));
        Assert.Contains("The meeting is cancelled.", Text(cancelled), StringComparison.Ordinal);

        var past = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with { IsPast = true }));
        Assert.Equal(["Responses", "Apologies", "Download .ics"], TopTitles(past));
    }

    [Fact]
    public void A_graph_failure_and_unreachable_members_are_shown_to_the_secretariat()
    {
        var card = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with
        {
            Invitation = InvitationState.Failed,
            InvitationMessage = "No calendar invitation was sent. Microsoft Graph refused access (403).",
            Unreachable = [new("Ada <Lovelace>", "OspBot is not installed for them")],
            Error = "Moving failed: try again later.",
        }));
        var text = Text(card);

        Assert.Contains("Microsoft Graph refused access (403).", text, StringComparison.Ordinal);
        Assert.Contains(@"Ada \<Lovelace\>: OspBot is not installed for them", text, StringComparison.Ordinal);
        Assert.Contains("Moving failed: try again later.", text, StringComparison.Ordinal);
        Assert.Contains("\"attention\"", card.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(Buttons(card, MeetingVerbs.Unreachable));

        var many = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with
        {
            Unreachable = [.. Enumerable.Range(1, 7).Select(i => new UnreachableMember($"Member {i}", "Not linked to a Teams account"))],
        }));
        Assert.Contains("Member 5: Not linked", Text(many), StringComparison.Ordinal);
        Assert.DoesNotContain("Member 6", Text(many), StringComparison.Ordinal);
        Assert.Equal("All 7 members", Assert.Single(Buttons(many, MeetingVerbs.Unreachable)).GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void Titles_agendas_and_names_are_shown_exactly_as_typed(string nasty)
    {
        var meeting = AssertValid(MeetingCards.Meeting(MeetingSamples.Meeting() with { Agenda = nasty, GroupName = nasty }));
        var reminder = AssertValid(ReminderCard.Build(MeetingSamples.Reminder(nasty) with { Title = nasty }));
        var words = nasty.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        foreach (var card in new[] { meeting, reminder })
        {
            var shown = CardQueries.Displayed(string.Join("\n", CardQueries.Texts(card)));
            Assert.All(words, w => Assert.Contains(w, shown, StringComparison.Ordinal));
            Assert.DoesNotContain("{{DATE(", string.Join("\n", CardQueries.Texts(card)), StringComparison.Ordinal);
        }
    }

    private static List<string> TopTitles(JsonElement card) =>
        [.. card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
}
