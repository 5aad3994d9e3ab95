using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Meetings.MeetingsWire;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Meetings;

/// With a calendar (Graph stands behind IMeetingCalendar; here a mock of that boundary): free times, booking a
/// picked slot, responses, and a Graph refusal shown on the form.
public sealed class GraphMeetingTests
{
    private static readonly DateTimeOffset SlotStart = new(2026, 10, 13, 13, 0, 0, TimeSpan.Zero); // 14:00 BST

    [Fact]
    public async Task The_secretariat_picks_a_proposed_slot_and_graph_books_it_with_the_members()
    {
        var ct = TestContext.Current.CancellationToken;
        var calendar = new Mock<IMeetingCalendar>(MockBehavior.Strict);
        calendar.Setup(c => c.FindSlotsAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), TimeSpan.FromHours(1), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> emails, DateTimeOffset _, DateTimeOffset _, TimeSpan _, CancellationToken _) => new SlotSuggestions(
                [new ProposedSlot(SlotStart, SlotStart.AddHours(1), 50, [.. emails.Select((e, i) => new AttendeeAvailability(e, i == 0 ? Availability.Busy : Availability.Free))])], null));
        calendar.Setup(c => c.CreateAsync(It.IsAny<MeetingDraft>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CalendarEvent("event-1", "https://teams.microsoft.com/l/meetup-join/1", "https://outlook.office.com/1"));
        calendar.Setup(c => c.GetResponsesAsync("event-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AttendeeResponse("a@example.org", "Ada Accepting", ResponseStatus.Accepted, SlotStart.AddDays(-3)), new AttendeeResponse("d@example.org", "Dee Declining", ResponseStatus.Declined, null)]);
        await using var wire = await StartAsync(s => s.AddSingleton(calendar.Object));
        var (groupA, _) = await wire.LinkAsync(ct);
        await GiveEmailsAsync(wire, groupA, ct);

        var picker = await wire.ExecuteAsync(Sec, "meeting.propose", Form(groupA, "Hubs review", "Agenda").With("from", "2026-10-12").With("to", "2026-10-16"), ct);
        Assert.Contains("Pick a time", Text(picker), StringComparison.Ordinal);
        Assert.Contains("Busy: ", Text(picker), StringComparison.Ordinal);
        var book = CardData.Of(picker, "meeting.schedule").With("slot", OspBot.Cards.Meetings.ScheduleMeetingCards.SlotValue(SlotStart))
            .With("title", "Hubs review").With("agenda", "Agenda");

        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", book, ct);
        Assert.Contains("The calendar invitation was sent from Outlook", Text(card), StringComparison.Ordinal);
        Assert.Contains("Tuesday 13 October 2026, 14:00–15:00 (London)", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Cards.CardQueries.OfType(card, "Action.OpenUrl"), a => a.GetProperty("title").GetString() == "Download .ics");
        calendar.Verify(c => c.CreateAsync(It.Is<MeetingDraft>(d => d.Subject == "Hubs review" && d.Start == SlotStart && d.Attendees.Count > 0), It.IsAny<CancellationToken>()), Times.Once);

        var responses = await wire.ExecuteAsync(Sec, "meeting.responses", CardData.Of(card, "meeting.responses"), ct);
        Assert.Contains("Accepted (1)", Text(responses), StringComparison.Ordinal);
        Assert.Contains("Ada Accepting", Text(responses), StringComparison.Ordinal);
        Assert.Contains("Declined (1)", Text(responses), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_refusal_is_shown_on_the_form_and_nothing_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var calendar = new Mock<IMeetingCalendar>();
        calendar.Setup(c => c.CreateAsync(It.IsAny<MeetingDraft>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CalendarException(CalendarFailure.Forbidden, "Microsoft Graph refused access to the calendar of osp@example.org (403)."));
        await using var wire = await StartAsync(s => s.AddSingleton(calendar.Object));
        var (groupA, _) = await wire.LinkAsync(ct);
        await GiveEmailsAsync(wire, groupA, ct);

        var form = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review", "Kept agenda"), ct);
        Assert.Contains("refused access to the calendar of osp@example.org (403)", Text(form), StringComparison.Ordinal);
        Assert.Equal("Kept agenda", OspBot.Tests.Cards.Rounds.RoundCardChecks.Input(form, "agenda").GetProperty("value").GetString());
        Assert.Equal(0, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.CountAsync(ct)));
    }

    [Fact]
    public async Task A_booking_Graph_did_not_answer_shows_waiting_for_the_calendar_with_a_retry_that_books_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var calendar = new Mock<IMeetingCalendar>();
        calendar.SetupSequence(c => c.CreateAsync(It.IsAny<MeetingDraft>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CalendarException(CalendarFailure.Unavailable,
                "Microsoft Graph did not answer in time, so OspBot cannot tell whether the meeting reached the calendar.")
            { MayHaveApplied = true })
            .ReturnsAsync(new CalendarEvent("event-1", "https://teams.microsoft.com/l/meetup-join/1", "https://outlook.office.com/1"));
        await using var wire = await StartAsync(s => s.AddSingleton(calendar.Object));
        var (groupA, _) = await wire.LinkAsync(ct);
        await GiveEmailsAsync(wire, groupA, ct);

        var waiting = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review", "Agenda"), ct);
        Assert.Contains("did not answer in time", Text(waiting), StringComparison.Ordinal);
        Assert.Contains("Waiting for the calendar", Text(waiting), StringComparison.Ordinal);
        Assert.Equal(0, await RemindersAsync(wire, ct));
        var retry = Assert.Single(Cards.CardQueries.OfType(waiting, "Action.Execute"), a => a.GetProperty("verb").GetString() == "meeting.retry");
        Assert.Equal(OspBot.Cards.Meetings.MeetingCards.RetryButton, retry.GetProperty("title").GetString());

        var booked = await wire.ExecuteAsync(Sec, "meeting.retry", CardData.Of(waiting, "meeting.retry"), ct);
        Assert.Contains("The meeting is in the calendar now", Text(booked), StringComparison.Ordinal);
        Assert.Contains("The calendar invitation was sent from Outlook", Text(booked), StringComparison.Ordinal);
        Assert.False(CardData.Has(booked, "meeting.retry"));
        var meeting = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal((MeetingState.Scheduled, "event-1"), (meeting.State, meeting.GraphEventId));
        Assert.True(await RemindersAsync(wire, ct) > 0);
        calendar.Verify(c => c.CreateAsync(It.Is<MeetingDraft>(d => d.TransactionId == meeting.TransactionId), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static Task<int> RemindersAsync(RoundsWire wire, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Deliveries.CountAsync(d => d.Kind == OspBot.Outbox.DeliveryKind.MeetingReminder, ct));

    private static async Task GiveEmailsAsync(RoundsWire wire, string groupKey, CancellationToken ct)
    {
        await using var scope = wire.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var people = await db.Memberships.Where(m => m.Group!.Key == groupKey).Select(m => m.Person!).ToListAsync(ct);
        foreach (var person in people)
        {
            person.Email ??= $"person{person.Id}@example.org";
        }
        await db.SaveChangesAsync(ct);
    }
}
