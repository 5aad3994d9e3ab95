using OspBot.Cards.Meetings;
using static OspBot.Tests.Cards.Meetings.MeetingCardChecks;

namespace OspBot.Tests.Cards.Meetings;

public sealed class MeetingListCardsTests
{
    [Fact]
    public void Responses_are_grouped_accepted_tentative_declined_and_none()
    {
        var card = AssertValid(MeetingListCards.Responses(new()
        {
            MeetingId = 7,
            Title = "Q3",
            Start = MeetingSamples.Start,
            Accepted = [new("Ada", MeetingSamples.Now), new("Bob", null)],
            Tentative = [new("Cy", null)],
            Declined = [],
            None = [new("Dee_", null)],
        }));
        var texts = CardQueries.Texts(card);

        Assert.Equal(["Accepted (2)", "Tentative (1)", "Declined (0)", "No response (1)"], texts.Where(t => t.Contains(" (", StringComparison.Ordinal) && t.EndsWith(')')).ToList());
        Assert.Contains("• Ada (27 Oct 2026)\n\n• Bob", texts);
        Assert.Contains("Nobody", texts);
        Assert.Contains(@"• Dee\_", texts);
        Assert.Single(Buttons(card, MeetingVerbs.Show));
    }

    [Fact]
    public void Without_graph_responses_say_why_instead_of_empty_lists()
    {
        var card = AssertValid(MeetingListCards.Responses(new()
        {
            MeetingId = 7,
            Title = "Q3",
            Start = MeetingSamples.Start,
            Unavailable = "Responses come from Outlook through Microsoft Graph, which is not configured.",
        }));

        Assert.Contains("Responses come from Outlook through Microsoft Graph, which is not configured.", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted (0)", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Apologies_list_names_notes_and_dates()
    {
        var empty = AssertValid(MeetingListCards.Apologies(new() { MeetingId = 7, Title = "Q3", Start = MeetingSamples.Start }));
        Assert.Contains("No apologies have been received.", Text(empty), StringComparison.Ordinal);

        var card = AssertValid(MeetingListCards.Apologies(new()
        {
            MeetingId = 7,
            Title = "Q3",
            Start = MeetingSamples.Start,
            Apologies = [new("Ada", "At a *conference*", MeetingSamples.Now), new("Bob", null, MeetingSamples.Now)],
        }));
        Assert.Contains(@"Ada: At a \*conference\* (27 Oct 2026)", Text(card), StringComparison.Ordinal);
        Assert.Contains("Bob: Sent 27 Oct 2026", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_members_are_listed_with_the_reason()
    {
        var card = AssertValid(MeetingListCards.Unreachable(new()
        {
            MeetingId = 7,
            Title = "Q3",
            Members = [new("Ada", "Not linked to a Teams account"), new("Bob", "OspBot is not installed for them")],
        }));

        Assert.Contains("Ada: Not linked to a Teams account", Text(card), StringComparison.Ordinal);
        Assert.Contains("They will not get reminders in Teams.", Text(card), StringComparison.Ordinal);
        Assert.Contains("Every member can be reached", Text(AssertValid(MeetingListCards.Unreachable(new() { MeetingId = 7, Title = "Q3" }))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_shows_upcoming_meetings_with_an_open_button_each()
    {
        var empty = AssertValid(MeetingListCards.List(new()));
        Assert.Contains("No meetings are scheduled.", Text(empty), StringComparison.Ordinal);
        Assert.Single(Buttons(empty, MeetingVerbs.Form));

        var card = AssertValid(MeetingListCards.List(new()
        {
            Meetings = [new(7, "Q3", "OSP Steering Group", MeetingSamples.Start, MeetingSamples.Start.AddHours(1), 2), new(8, "Hubs", "Stronger Communities", MeetingSamples.Start.AddDays(2), MeetingSamples.Start.AddDays(2).AddHours(1), 0)],
        }));
        Assert.Equal(["7", "8"], Buttons(card, MeetingVerbs.Show).Select(b => b.GetProperty("data").GetProperty(MeetingInputs.MeetingId).GetString()).ToList());
        Assert.Contains("OSP Steering Group · Tuesday 3 November 2026, 10:00–11:00 (London)", Text(card), StringComparison.Ordinal);
        Assert.Contains("Apologies: 2", Text(card), StringComparison.Ordinal);
    }
}
