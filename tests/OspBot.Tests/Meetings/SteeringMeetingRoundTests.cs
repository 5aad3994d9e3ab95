using Microsoft.EntityFrameworkCore;
using OspBot.Meetings;
using OspBot.Rounds;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// Booking the steering group's meeting sets its quarter's update round, counted back from it with the round
/// defaults, through the same path as Rounds:SteeringGroupMeetings.
public sealed class SteeringMeetingRoundTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March30At10London = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March30 = new(2026, 3, 30);

    [Fact]
    public async Task A_booked_steering_group_meeting_opens_its_round_on_the_prompt_date_with_the_default_dates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var defaults = RoundCalendar.DefaultDates(March30, new RoundOptions());

        var done = await world.ScheduleAsync(world.SteeringGroupId, March30At10London, ct);

        Assert.Equal(RoundPlanOutcome.Planned, done.Round!.Outcome);
        Assert.Equal(defaults.PromptAt, done.Round.PromptAt);
        Assert.Contains("opens by itself on 9 Mar 2026", done.Round.Message, StringComparison.Ordinal);
        Assert.Equal(0, await world.DbAsync(db => db.Rounds.CountAsync(ct)));

        world.Clock.SetUtcNow(defaults.PromptAt);
        await world.DispatchAsync(ct);

        var round = await world.DbAsync(db => db.Rounds.AsNoTracking().SingleAsync(ct));
        Assert.Equal((2025, 4, March30, RoundState.Open), (round.FinancialYearStart, round.Quarter, round.MeetingDate, round.State));
        Assert.Equal((defaults.PromptAt, defaults.DeadlineAt), (round.PromptAt, round.DeadlineAt));
        Assert.Equal(defaults.ChaserAts, round.ChaserAts);
        Assert.Null(round.OpenedByPersonId);
    }

    [Fact]
    public async Task Booking_once_the_prompt_date_has_come_opens_the_round_at_once_and_links_the_meeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), null, ct);

        var done = await world.ScheduleAsync(world.SteeringGroupId, March30At10London, ct);

        Assert.Equal(RoundPlanOutcome.Opened, done.Round!.Outcome);
        var round = await world.DbAsync(db => db.Rounds.AsNoTracking().SingleAsync(ct));
        Assert.Equal((March30, round.Id), (round.MeetingDate, done.Meeting.RoundId));
        Assert.Equal(round.Id, await world.DbAsync(db => db.Meetings.Select(m => m.RoundId).SingleAsync(ct)));
    }

    [Fact]
    public async Task Moving_the_steering_group_meeting_moves_its_open_round_deadline_and_chasers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), null, ct);
        var id = (await world.ScheduleAsync(world.SteeringGroupId, March30At10London, ct)).Meeting.MeetingId;
        var opened = await world.DbAsync(db => db.Rounds.AsNoTracking().SingleAsync(ct));

        // To Friday 27 March, still in the same quarter.
        var moved = Assert.IsType<MeetingResult<MeetingChange>.Done>(await world.WithAsync((MeetingChanges m) => m.MoveAsync(W.Sam,
            new MoveMeetingRequest { MeetingId = id, Start = March30At10London.AddDays(-3), End = March30At10London.AddDays(-3).AddHours(1) }, ct))).Value;

        Assert.Equal(RoundPlanOutcome.Adjusted, moved.Round!.Outcome);
        var round = await world.DbAsync(db => db.Rounds.AsNoTracking().SingleAsync(ct));
        var defaults = RoundCalendar.DefaultDates(March30.AddDays(-3), new RoundOptions());
        Assert.Equal((March30.AddDays(-3), defaults.DeadlineAt), (round.MeetingDate, round.DeadlineAt));
        // The prompts went out on the old date and are not sent again.
        Assert.Equal(opened.PromptAt, round.PromptAt);
        Assert.Equal(defaults.ChaserAts.Where(c => c > opened.PromptAt), round.ChaserAts);
    }

    [Fact]
    public async Task A_sub_group_meeting_leaves_the_rounds_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), null, ct);

        var done = await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);
        await world.DispatchAsync(ct);

        Assert.Null(done.Round);
        Assert.Equal(0, await world.DbAsync(db => db.Rounds.CountAsync(ct)));
    }
}
