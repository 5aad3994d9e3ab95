using OspBot.Cards.Common;
using OspBot.Cards.Meetings;
using OspBot.Cards.Rounds;
using static OspBot.Tests.Cards.Meetings.MeetingCardChecks;

namespace OspBot.Tests.Cards.Meetings;

public sealed class ScheduleMeetingCardsTests
{
    [Fact]
    public void The_form_offers_every_group_steering_first_an_exact_time_and_a_date_range()
    {
        var card = AssertValid(ScheduleMeetingCards.Form(new() { Groups = MeetingSamples.Groups, FormId = "f1" }));

        var group = Input(card, MeetingInputs.Group);
        var choices = group.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["steering-group", "stronger-communities"], choices);
        Assert.Contains("sets the quarter's update round", group.GetProperty("choices")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        foreach (var id in new[] { MeetingInputs.Title, MeetingInputs.Agenda, MeetingInputs.Duration, MeetingInputs.Date, MeetingInputs.Time, MeetingInputs.From, MeetingInputs.To })
        {
            Assert.Equal(id, Input(card, id).GetProperty("id").GetString());
        }
        Assert.Equal("60", Input(card, MeetingInputs.Duration).GetProperty("value").GetString());
        var times = Input(card, MeetingInputs.Time).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Contains("09:30", times);
        Assert.Equal("f1", Assert.Single(Buttons(card, MeetingVerbs.Schedule)).GetProperty("data").GetProperty(MeetingInputs.FormId).GetString());
        Assert.Equal("Auto", Assert.Single(Buttons(card, MeetingVerbs.Propose)).GetProperty("associatedInputs").GetString());
    }

    [Fact]
    public void Errors_show_beside_their_inputs_and_what_was_entered_is_kept()
    {
        var values = new MeetingFormValues
        {
            GroupKey = "stronger-communities",
            Title = "Quarterly *review*",
            Agenda = "Item one\nItem two",
            DurationMinutes = 90,
            Date = new DateOnly(2026, 11, 3),
            Time = "14:30",
        };
        var card = AssertValid(ScheduleMeetingCards.Form(new()
        {
            Groups = MeetingSamples.Groups,
            FormId = "f1",
            Values = values,
            FindTimesUnavailable = "Finding free times needs Microsoft Graph.",
            Errors = [new FieldError(MeetingInputs.Time, "Choose a start time."), new FieldError("", "The group has no members to invite.")],
        }));

        Assert.Equal("stronger-communities", Input(card, MeetingInputs.Group).GetProperty("value").GetString());
        Assert.Equal("Quarterly *review*", Input(card, MeetingInputs.Title).GetProperty("value").GetString());
        Assert.Equal("Item one\nItem two", Input(card, MeetingInputs.Agenda).GetProperty("value").GetString());
        Assert.Equal("90", Input(card, MeetingInputs.Duration).GetProperty("value").GetString());
        Assert.Equal("2026-11-03", Input(card, MeetingInputs.Date).GetProperty("value").GetString());
        Assert.Equal("14:30", Input(card, MeetingInputs.Time).GetProperty("value").GetString());
        var texts = CardQueries.Texts(card);
        Assert.Contains("Choose a start time.", texts);
        Assert.Contains("The group has no members to invite.", texts);
        Assert.Contains("Finding free times needs Microsoft Graph.", texts);
    }

    [Fact]
    public void The_slot_picker_lists_times_with_who_is_not_free_and_books_the_picked_one()
    {
        var slot = new MeetingSlotView(MeetingSamples.Start, MeetingSamples.Start.AddHours(1),
            [new("Ada", "Free", true), new("Bob *B*", "Busy", false), new("Cy", "Out of office", false)]);
        var free = new MeetingSlotView(MeetingSamples.Start.AddDays(1), MeetingSamples.Start.AddDays(1).AddHours(1), [new("Ada", "Free", true)]);
        var card = AssertValid(ScheduleMeetingCards.SlotPicker(new()
        {
            FormId = "f1",
            GroupName = "Stronger Communities",
            Values = new() { GroupKey = "stronger-communities", Title = "Review", DurationMinutes = 60 },
            Slots = [slot, free],
        }));

        var choices = Input(card, MeetingInputs.Slot).GetProperty("choices");
        Assert.Equal("Tue 3 Nov, 10:00–11:00 · 1 of 3 free", choices[0].GetProperty("title").GetString());
        Assert.Equal(MeetingSamples.Start, DateTimeOffset.Parse(choices[0].GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var text = Text(card);
        Assert.Contains(@"Busy: Bob \*B\*; Out of office: Cy", text, StringComparison.Ordinal);
        Assert.Contains("Everyone is free", text, StringComparison.Ordinal);
        var book = Assert.Single(Buttons(card, MeetingVerbs.Schedule));
        Assert.Equal(ScheduleMeetingCards.BookButton, book.GetProperty("title").GetString());
        Assert.Equal("stronger-communities", book.GetProperty("data").GetProperty(MeetingInputs.Group).GetString());
        Assert.Equal("Review", Input(card, MeetingInputs.Title).GetProperty("value").GetString());
    }

    [Fact]
    public void Without_graph_the_slot_picker_says_why_and_offers_the_exact_time_instead()
    {
        var card = AssertValid(ScheduleMeetingCards.SlotPicker(new()
        {
            FormId = "f1",
            GroupName = "Stronger Communities",
            Values = new() { GroupKey = "stronger-communities", Title = "Review" },
            EmptyReason = "Finding free times needs Microsoft Graph, which is not configured. Give an exact date and time instead.",
        }));

        Assert.Contains("Finding free times needs Microsoft Graph, which is not configured.", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Inputs(card), i => i.GetProperty("id").GetString() == MeetingInputs.Slot);
        Input(card, MeetingInputs.Date);
        Input(card, MeetingInputs.Time);
        Assert.Equal(ScheduleMeetingCards.ScheduleButton, Assert.Single(Buttons(card, MeetingVerbs.Schedule)).GetProperty("title").GetString());
        Assert.Single(Buttons(card, MeetingVerbs.Form));
    }
}
