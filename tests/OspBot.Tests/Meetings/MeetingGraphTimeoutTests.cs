using Microsoft.EntityFrameworkCore;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Rounds;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// Issues 4 and 6: Graph timing out (the request arrived, its answer never came back in Graph:Timeout). A booking
/// stays retryable and is never half-created; a move or cancellation changes nothing here; the secretariat is told.
public sealed class MeetingGraphTimeoutTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March30At10London = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    // Far beyond the client's limit; the stub stops waiting as soon as the client hangs up.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private static async Task<(W World, FakeGraph Graph)> StartAsync(CancellationToken ct)
    {
        var graph = new FakeGraph(await GraphStub.StartAsync(ct));
        graph.Stub.Timeout = TimeSpan.FromSeconds(1);
        return (await W.StartAsync(March2, graph.Stub, ct), graph);
    }

    private static bool IsCreate(GraphRequest r) => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal);

    [Fact]
    public async Task A_create_that_times_out_after_booking_leaves_the_meeting_pending_and_the_retry_books_exactly_one_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        // The first create is carried out (the fake Graph books the event) but its answer comes too late.
        var creates = 0;
        graph.Stub.Hold = r => IsCreate(r) && Interlocked.Increment(ref creates) == 1 ? Hang : TimeSpan.Zero;

        var first = await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(W.Sam, new ScheduleMeetingRequest
        {
            GroupId = world.TestGroupId,
            Title = "Quarterly meeting",
            Start = March30At10London,
            End = March30At10London.AddHours(1),
        }, ct));

        var failed = Assert.IsType<MeetingResult<MeetingChange>.CalendarFailed>(first);
        Assert.True(failed.Retryable);
        Assert.StartsWith("Microsoft Graph did not answer in time, so OspBot cannot tell whether the meeting reached the calendar.",
            failed.Message, StringComparison.Ordinal);
        Assert.Contains("saved as waiting for the calendar", failed.Message, StringComparison.Ordinal);
        Assert.Equal(MeetingState.PendingCalendar, failed.Meeting!.State);
        Assert.False(failed.Meeting.InCalendar);
        Assert.Contains("did not answer in time", failed.Meeting.CalendarError, StringComparison.Ordinal);
        Assert.Equal(1, graph.EventsCreated);
        Assert.Empty(await world.RemindersAsync(ct));

        Assert.Equal(0, await world.WithAsync((MeetingScheduler m) => m.RetryPendingAsync(ct))); // its own booking may still be under way
        world.Clock.Advance(MeetingScheduler.BookingInProgress + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await world.WithAsync((MeetingScheduler m) => m.RetryPendingAsync(ct)));

        var sent = graph.Requests("POST", "/events");
        Assert.Equal(2, sent.Count);
        Assert.Single(sent.Select(c => c.Json.GetProperty("transactionId").GetString()).Distinct());
        Assert.Equal(1, graph.EventsCreated);
        var meeting = await world.DbAsync(db => db.Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal((MeetingState.Scheduled, "ev-1", (string?)null), (meeting.State, meeting.GraphEventId, meeting.CalendarError));
        Assert.Equal(6, (await world.RemindersAsync(ct)).Count);
    }

    [Fact]
    public async Task A_move_and_a_cancel_that_time_out_change_nothing_here_and_say_so()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;
        graph.Stub.Hold = r => IsCreate(r) ? TimeSpan.Zero : Hang;

        var move = await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam,
            new MoveMeetingRequest { MeetingId = id, Start = March30At10London.AddDays(1), End = March30At10London.AddDays(1).AddHours(1) }, ct));
        var cancel = await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Sam, id, "Postponed", ct));

        foreach (var result in new[] { move, cancel })
        {
            var failed = Assert.IsType<MeetingResult<MeetingChange>.CalendarFailed>(result);
            Assert.True(failed.Retryable);
            Assert.StartsWith("Microsoft Graph did not answer in time, so the change may or may not have reached Outlook.", failed.Message, StringComparison.Ordinal);
            Assert.Contains("OspBot has kept the meeting as it was", failed.Message, StringComparison.Ordinal);
            Assert.Equal(MeetingState.Scheduled, failed.Meeting!.State);
        }
        Assert.Single(graph.Requests("PATCH", "/events/ev-1"));
        Assert.Single(graph.Requests("POST", "/events/ev-1/cancel"));
        var meeting = await world.DbAsync(db => db.Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal((MeetingState.Scheduled, March30At10London, 0, (DateTimeOffset?)null),
            (meeting.State, meeting.StartsAt, meeting.Sequence, meeting.CancelledAt));
        var reminders = await world.RemindersAsync(ct);
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, d => Assert.Equal(DeliveryState.Pending, d.State));
    }
}
