using System.Globalization;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Rounds;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// Meeting reminders are stored deliveries the every-minute dispatch job sends: once each, at London wall-clock
/// times, cancelled and moved with their meeting, and still due after a restart on the same database.
public sealed class MeetingReminderDispatchTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// Ann's and Bob's reminders: Cat has no Teams account, so hers end Unreachable before any card is built.
    private static async Task<List<Delivery>> LinkedRemindersAsync(W world, CancellationToken ct) =>
        [.. (await world.RemindersAsync(ct)).Where(d => d.Person!.Name != "Cat")];

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    // Mon 30 Mar 2026 10:00 BST: a week before is 23 Mar 10:00 GMT (10:00Z); the day before, Sun 29 Mar, is BST again.
    [InlineData("2026-03-30T09:00:00Z", "2026-03-23T10:00:00Z", "2026-03-29T09:00:00Z")]
    // Mon 2 Nov 2026 10:00 GMT: both reminders in GMT.
    [InlineData("2026-11-02T10:00:00Z", "2026-10-26T10:00:00Z", "2026-11-01T10:00:00Z")]
    // Mon 26 Oct 2026 10:00 GMT: a week before is 19 Oct 10:00 BST (09:00Z); the day before is the change day, 10:00 GMT.
    [InlineData("2026-10-26T10:00:00Z", "2026-10-19T09:00:00Z", "2026-10-25T10:00:00Z")]
    public async Task Reminders_fire_once_each_at_London_wall_clock_times_across_a_clock_change(string start, string weekBefore, string dayBefore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.ScheduleAsync(world.TestGroupId, At(start), ct);

        var due = (await world.RemindersAsync(ct)).Select(d => d.DueAt).Distinct().Order().ToList();
        Assert.Equal([At(weekBefore), At(dayBefore)], due);

        world.Clock.SetUtcNow(At(weekBefore).AddMinutes(-1));
        Assert.Equal(0, await world.DispatchAsync(ct));
        world.Clock.SetUtcNow(At(weekBefore));
        Assert.Equal(2, await world.DispatchAsync(ct));
        Assert.Equal(0, await world.DispatchAsync(ct));
        world.Clock.SetUtcNow(At(dayBefore));
        Assert.Equal(2, await world.DispatchAsync(ct));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await world.DispatchAsync(ct));

        Assert.Equal(2, world.Teams.To("aad-ann").Count);
        Assert.Equal(2, world.Teams.To("aad-bob").Count);
        var reminders = await world.RemindersAsync(ct);
        Assert.All(reminders.Where(d => d.Person!.Name != "Cat"), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.All(reminders.Where(d => d.Person!.Name == "Cat"), d => Assert.Equal((DeliveryState.Unreachable, DeliveryReasons.NotLinked), (d.State, d.LastError)));
    }

    [Fact]
    public async Task After_downtime_past_both_reminders_only_the_later_one_goes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.ScheduleAsync(world.TestGroupId, At("2026-11-02T10:00:00Z"), ct);

        // Down from before the week-before reminder until after the day-before one.
        world.Clock.SetUtcNow(At("2026-11-01T10:05:00Z"));
        Assert.Equal(2, await world.DispatchAsync(ct));

        Assert.Contains("Tomorrow", Assert.Single(world.Teams.To("aad-ann")).GetRawText(), StringComparison.Ordinal);
        Assert.Single(world.Teams.To("aad-bob"));
        var linked = await LinkedRemindersAsync(world, ct);
        Assert.All(linked.Where(d => d.DueAt == At("2026-10-26T10:00:00Z")),
            d => Assert.Equal((DeliveryState.Cancelled, DeliveryReasons.LaterReminderDue), (d.State, d.LastError)));
        Assert.All(linked.Where(d => d.DueAt == At("2026-11-01T10:00:00Z")), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task After_downtime_past_the_meeting_no_reminder_goes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.ScheduleAsync(world.TestGroupId, At("2026-11-02T10:00:00Z"), ct);

        world.Clock.SetUtcNow(At("2026-11-02T10:01:00Z"));
        Assert.Equal(0, await world.DispatchAsync(ct));

        Assert.Empty(world.Teams.Sent);
        var linked = await LinkedRemindersAsync(world, ct);
        Assert.Equal(4, linked.Count);
        Assert.All(linked, d => Assert.Equal((DeliveryState.Cancelled, DeliveryReasons.MeetingBegun), (d.State, d.LastError)));
    }

    [Fact]
    public async Task The_reminder_card_shows_title_time_agenda_and_an_apologies_button()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var meeting = (await world.ScheduleAsync(world.TestGroupId, At("2026-03-30T09:00:00Z"), ct)).Meeting;
        world.Clock.SetUtcNow(At("2026-03-23T10:00:00Z"));

        await world.DispatchAsync(ct);

        var card = Assert.Single(world.Teams.To("aad-ann")).GetRawText();
        Assert.Contains("In 7 days: Quarterly meeting", card, StringComparison.Ordinal);
        Assert.Contains("Mon 30 Mar 2026 10:00", card, StringComparison.Ordinal);
        Assert.Contains("(London time)", card, StringComparison.Ordinal);
        Assert.Contains("Budget", card, StringComparison.Ordinal);
        Assert.Contains("\"meeting.apologies\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"meetingId\":\"{meeting.MeetingId}\"", card, StringComparison.Ordinal);
        Assert.Equal("Reminder: an OSP meeting is coming up", world.Teams.Sent.First().Summary);
    }

    [Fact]
    public async Task Reminders_are_cancelled_with_their_meeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var id = (await world.ScheduleAsync(world.TestGroupId, At("2026-03-30T09:00:00Z"), ct)).Meeting.MeetingId;

        await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Sam, id, null, ct));
        world.Clock.SetUtcNow(At("2026-03-29T09:00:00Z"));

        Assert.Equal(0, await world.DispatchAsync(ct));
        Assert.Empty(world.Teams.Sent);
        Assert.All(await world.RemindersAsync(ct), d => Assert.Equal(DeliveryState.Cancelled, d.State));
    }

    [Fact]
    public async Task Reminders_move_with_their_meeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var id = (await world.ScheduleAsync(world.TestGroupId, At("2026-03-30T09:00:00Z"), ct)).Meeting.MeetingId;

        // A week later, Mon 6 Apr 10:00 BST.
        await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam, new MoveMeetingRequest { MeetingId = id, Start = At("2026-04-06T09:00:00Z"), End = At("2026-04-06T10:00:00Z") }, ct));
        world.Clock.SetUtcNow(At("2026-03-23T10:00:00Z"));
        Assert.Equal(0, await world.DispatchAsync(ct));
        world.Clock.SetUtcNow(At("2026-03-30T09:00:00Z"));
        Assert.Equal(2, await world.DispatchAsync(ct));

        Assert.Contains("Mon 6 Apr 2026 10:00", Assert.Single(world.Teams.To("aad-ann")).ToString(), StringComparison.Ordinal);
        var pending = (await world.RemindersAsync(ct)).Where(d => d.State == DeliveryState.Pending).Select(d => d.DueAt).Distinct();
        Assert.Equal([At("2026-04-05T09:00:00Z")], pending);
    }

    [Fact]
    public async Task Reminders_survive_a_restart_on_the_same_database_and_still_go_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.ScheduleAsync(world.TestGroupId, At("2026-03-30T09:00:00Z"), ct);

        world.Restart();
        world.Clock.SetUtcNow(At("2026-03-23T10:00:00Z"));
        Assert.Equal(2, await world.DispatchAsync(ct));
        world.Restart();
        Assert.Equal(0, await world.DispatchAsync(ct));
        world.Clock.SetUtcNow(At("2026-03-29T09:00:00Z"));
        world.Restart();
        Assert.Equal(2, await world.DispatchAsync(ct));

        Assert.Equal(2, world.Teams.To("aad-ann").Count);
    }
}
