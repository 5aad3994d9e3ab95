using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Outbox;
using OspBot.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Rounds;

/// Rounds the scheduler opens from the steering group meetings the secretariat planned (Rounds:SteeringGroupMeetings).
public sealed class PlannedRoundsTests
{
    // Thursday 1 October 2026, 12:00 in London: after 9:00, so a meeting 21 days ahead has its prompt date today.
    private static readonly DateTimeOffset October1 = new(2026, 10, 1, 11, 0, 0, TimeSpan.Zero);

    private static async Task<List<UpdateRound>> RoundsAsync(W world, CancellationToken ct) =>
        await world.Db().Rounds.AsNoTracking().ToListAsync(ct);

    [Fact]
    public async Task A_meeting_whose_prompt_date_has_come_opens_once_as_the_scheduler()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        world.Options.SteeringGroupMeetings = ["2026-10-22", "2027-01-21"];

        Assert.Equal(1, await world.Planner().OpenScheduledAsync(ct));
        Assert.Equal(0, await world.Planner().OpenScheduledAsync(ct));

        var round = Assert.Single(await RoundsAsync(world, ct));
        Assert.Equal((2026, 3, new DateOnly(2026, 10, 22), RoundState.Open), (round.FinancialYearStart, round.Quarter, round.MeetingDate, round.State));
        Assert.Null(round.OpenedByPersonId);
        Assert.Equal(RoundCalendar.DefaultDates(new DateOnly(2026, 10, 22), world.Options).PromptAt, round.PromptAt);
        Assert.True(await world.Db().Deliveries.CountAsync(d => d.Kind == DeliveryKind.Prompt && d.RoundId == round.Id, ct) > 0);
    }

    [Fact]
    public async Task A_meeting_whose_prompt_date_has_not_come_opens_nothing_until_it_does()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        world.Options.SteeringGroupMeetings = ["2026-10-23"];

        Assert.Equal(0, await world.Planner().OpenScheduledAsync(ct));
        Assert.Empty(await RoundsAsync(world, ct));

        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await world.Planner().OpenScheduledAsync(ct));
    }

    [Fact]
    public async Task A_quarter_with_a_closed_or_hand_opened_round_is_left_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        var byHand = Done(await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 11, 2) }, ct));
        world.Options.SteeringGroupMeetings = ["2026-10-22"];

        Assert.Equal(0, await world.Planner().OpenScheduledAsync(ct));
        Done(await world.Admin().CloseRoundAsync(W.Secretariat, byHand.RoundId, ct));
        Assert.Equal(0, await world.Planner().OpenScheduledAsync(ct));

        var round = Assert.Single(await RoundsAsync(world, ct));
        Assert.Equal((byHand.RoundId, RoundState.Closed), (round.Id, round.State));
    }

    [Fact]
    public async Task A_meeting_whose_deadline_has_passed_opens_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        world.Options.SteeringGroupMeetings = ["2026-10-05"];

        Assert.Equal(0, await world.Planner().OpenScheduledAsync(ct));
        Assert.Empty(await RoundsAsync(world, ct));
    }

    [Fact]
    public void Planned_meetings_must_be_dates_in_the_form_yyyy_MM_dd()
    {
        var options = new RoundOptions { SteeringGroupMeetings = ["2026-10-22", "22/10/2026", "2026-02-30"] };

        var errors = options.Validate(new ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains("Rounds:SteeringGroupMeetings:1", errors[0], StringComparison.Ordinal);
        Assert.Contains("Rounds:SteeringGroupMeetings:2", errors[1], StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2026, 10, 22)], options.PlannedMeetings());
        Assert.Empty(new RoundOptions { SteeringGroupMeetings = ["2026-10-22"] }.Validate(new ValidationContext(options)));
    }

    [Fact]
    public async Task An_unreadable_planned_meeting_stops_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Rounds:SteeringGroupMeetings:0"] = "next Tuesday";
        builder.AddRounds();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Rounds:SteeringGroupMeetings:0", error.Message, StringComparison.Ordinal);
    }
}
