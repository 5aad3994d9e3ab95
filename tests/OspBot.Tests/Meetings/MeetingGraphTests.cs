using Microsoft.EntityFrameworkCore;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Fakes;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// MeetingService with the real Graph SDK against the stub: what reaches Graph, and nothing half-done when it fails.
public sealed class MeetingGraphTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March30At10London = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(W World, FakeGraph Graph)> StartAsync(CancellationToken ct)
    {
        var graph = new FakeGraph(await GraphStub.StartAsync(ct));
        return (await W.StartAsync(March2, graph.Stub, ct), graph);
    }

    [Fact]
    public async Task Booking_creates_the_event_with_the_meeting_transaction_id_then_queues_reminders()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;

        var done = await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);

        var create = Assert.Single(graph.Requests("POST", "/events"));
        var json = create.Json;
        Assert.Equal("/v1.0/users/secretariat@osp.test/events", create.Path);
        Assert.Equal("Quarterly meeting", json.GetProperty("subject").GetString());
        Assert.Contains("2. Budget", json.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(("2026-03-30T10:00:00", "Europe/London"),
            (json.GetProperty("start").GetProperty("dateTime").GetString(), json.GetProperty("start").GetProperty("timeZone").GetString()));
        Assert.Equal(["ann@osp.test", "bob@osp.test", "cat@osp.test"],
            json.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("emailAddress").GetProperty("address").GetString()).Order());
        Assert.True(json.GetProperty("isOnlineMeeting").GetBoolean());
        Assert.Equal("teamsForBusiness", json.GetProperty("onlineMeetingProvider").GetString());
        var meeting = await world.DbAsync(db => db.Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal(meeting.TransactionId, json.GetProperty("transactionId").GetString());
        Assert.Equal((MeetingState.Scheduled, "ev-1", "https://teams.microsoft.com/l/meetup-join/ev-1"), (meeting.State, meeting.GraphEventId, meeting.JoinUrl));
        Assert.True(done.InvitationSent);
        Assert.Null(done.NoInvitationReason);
        Assert.Equal(6, (await world.RemindersAsync(ct)).Count);
    }

    [Theory]
    [InlineData(401, "InvalidAuthenticationToken", "Graph:ClientId")]
    [InlineData(403, "ErrorAccessDenied", "Calendars.ReadWrite")]
    [InlineData(404, "ErrorInvalidUser", "Graph:OrganiserMailbox")]
    public async Task A_refusal_from_Graph_books_nothing_and_queues_no_reminders(int status, string code, string named)
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        graph.Fail = r => StubReply.Error(status, code);

        var result = await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(W.Sam, new ScheduleMeetingRequest
        {
            GroupId = world.TestGroupId,
            Title = "Quarterly meeting",
            Start = March30At10London,
            End = March30At10London.AddHours(1),
        }, ct));

        var failed = Assert.IsType<MeetingResult<MeetingChange>.CalendarFailed>(result);
        Assert.False(failed.Retryable);
        Assert.Null(failed.Meeting);
        Assert.Contains(named, failed.Message, StringComparison.Ordinal);
        Assert.StartsWith("The meeting was not booked.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await world.DbAsync(db => db.Meetings.CountAsync(ct)));
        Assert.Empty(await world.RemindersAsync(ct));
    }

    [Fact]
    public async Task An_outage_leaves_the_meeting_retryable_and_the_retry_books_exactly_one_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        // The first create reaches Graph (and books the event) but its answer is lost; then Graph stays down past the retries.
        graph.Fail = WithLostFirstAnswer(graph);

        var first = await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(W.Sam, new ScheduleMeetingRequest
        {
            GroupId = world.TestGroupId,
            Title = "Quarterly meeting",
            Start = March30At10London,
            End = March30At10London.AddHours(1),
        }, ct));

        var failed = Assert.IsType<MeetingResult<MeetingChange>.CalendarFailed>(first);
        Assert.True(failed.Retryable);
        Assert.Equal(MeetingState.PendingCalendar, failed.Meeting!.State);
        Assert.NotNull(failed.Meeting.CalendarError);
        Assert.Empty(await world.RemindersAsync(ct));

        graph.Fail = null;
        Assert.Equal(0, await world.WithAsync((MeetingScheduler m) => m.RetryPendingAsync(ct))); // its own booking may still be under way
        world.Clock.Advance(MeetingScheduler.BookingInProgress + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await world.WithAsync((MeetingScheduler m) => m.RetryPendingAsync(ct)));
        Assert.Equal(0, await world.WithAsync((MeetingScheduler m) => m.RetryPendingAsync(ct)));

        var creates = graph.Requests("POST", "/events");
        Assert.True(creates.Count >= 3);
        Assert.Single(creates.Select(c => c.Json.GetProperty("transactionId").GetString()).Distinct());
        Assert.Equal(1, graph.EventsCreated);
        var meeting = await world.DbAsync(db => db.Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal((MeetingState.Scheduled, "ev-1", (string?)null), (meeting.State, meeting.GraphEventId, meeting.CalendarError));
        Assert.Equal(6, (await world.RemindersAsync(ct)).Count);
    }

    /// Books the first create in the fake Graph but answers it, and every create after it, with 503.
    private static Func<GraphRequest, StubReply?> WithLostFirstAnswer(FakeGraph graph)
    {
        var seen = 0;
        return r =>
        {
            if (!r.Path.EndsWith("/events", StringComparison.Ordinal))
            {
                return null;
            }
            var n = Interlocked.Increment(ref seen);
            if (n == 1)
            {
                graph.CreateQuietly(r);
            }
            return StubReply.Error(503, "ServiceUnavailable", ("Retry-After", "0"));
        };
    }

    [Fact]
    public async Task Moving_patches_the_event_and_cancelling_cancels_it_with_its_reminders()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;

        var moved = Assert.IsType<MeetingResult<MeetingChange>.Done>(await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam,
            new MoveMeetingRequest { MeetingId = id, Start = March30At10London.AddDays(1), End = March30At10London.AddDays(1).AddHours(2) }, ct))).Value;
        var patch = Assert.Single(graph.Requests("PATCH", "/events/ev-1"));
        Assert.Equal("2026-03-31T10:00:00", patch.Json.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("2026-03-31T12:00:00", patch.Json.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal((6, 6, true), (moved.RemindersCancelled, moved.RemindersQueued, moved.InvitationSent));

        var cancelled = Assert.IsType<MeetingResult<MeetingChange>.Done>(await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Sam, id, "Postponed", ct))).Value;
        var cancel = Assert.Single(graph.Requests("POST", "/events/ev-1/cancel"));
        Assert.Equal("Postponed", cancel.Json.GetProperty("Comment").GetString());
        Assert.Equal((MeetingState.Cancelled, 6), (cancelled.Meeting.State, cancelled.RemindersCancelled));
        Assert.All(await world.RemindersAsync(ct), d => Assert.Equal(DeliveryState.Cancelled, d.State));
    }

    [Fact]
    public async Task A_move_Graph_refuses_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;
        graph.Fail = r => r.Method == "PATCH" ? StubReply.Error(403, "ErrorAccessDenied") : null;

        var result = await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam,
            new MoveMeetingRequest { MeetingId = id, Start = March30At10London.AddDays(1), End = March30At10London.AddDays(1).AddHours(1) }, ct));

        Assert.StartsWith("Nothing was changed.", Assert.IsType<MeetingResult<MeetingChange>.CalendarFailed>(result).Message, StringComparison.Ordinal);
        var meeting = await world.DbAsync(db => db.Meetings.AsNoTracking().SingleAsync(ct));
        Assert.Equal((March30At10London, 0), (meeting.StartsAt, meeting.Sequence));
        Assert.All(await world.RemindersAsync(ct), d => Assert.Equal(DeliveryState.Pending, d.State));
    }

    [Fact]
    public async Task Responses_and_free_slots_come_from_Graph()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, graph) = await StartAsync(ct);
        await using var _ = world;
        await using var __ = graph.Stub;
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;

        var responses = Assert.IsType<MeetingResult<ResponsesView>.Done>(await world.WithAsync((MeetingQueries m) => m.GetResponsesAsync(W.Sam, id, ct))).Value;
        var slots = Assert.IsType<MeetingResult<SlotSuggestions>.Done>(await world.WithAsync((MeetingScheduler m) => m.ProposeSlotsAsync(W.Sam,
            new SlotRequest { GroupId = world.TestGroupId, Duration = TimeSpan.FromHours(1), WindowStart = March30At10London, WindowEnd = March30At10London.AddHours(7) }, ct))).Value;

        Assert.Equal([ResponseStatus.Accepted, ResponseStatus.Declined, ResponseStatus.None], responses.Responses.Select(r => r.Response));
        Assert.Single(graph.Requests("GET", "/events/ev-1"));
        var schedule = Assert.Single(graph.Requests("POST", "/calendar/getSchedule"));
        Assert.Equal(["ann@osp.test", "bob@osp.test", "cat@osp.test"], schedule.Json.GetProperty("Schedules").EnumerateArray().Select(e => e.GetString()).Order());
        // Bob is busy for the first hour, so the best slot starts after it.
        Assert.Equal(100, slots.Slots[0].Confidence);
        Assert.Equal(March30At10London.AddHours(1), slots.Slots[0].Start);
    }
}
