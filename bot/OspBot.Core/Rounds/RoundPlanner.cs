using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// The rounds the OSP plans ahead: each steering group meeting (configured in Rounds:SteeringGroupMeetings, or booked
/// through Meetings) has its quarter's round, opened by the scheduler when the prompt date comes and moved when the
/// meeting moves; and the quarter the open-round form suggests.
internal sealed class RoundPlanner(
    OspDbContext db, RoundAdmin admin, TimeProvider clock, IOptions<RoundOptions> options, ILogger<RoundPlanner> logger) : IMeetingRounds
{
    private RoundOptions Options => options.Value;

    /// Opens the round for each planned steering group meeting (RoundOptions.SteeringGroupMeetings, and the steering
    /// group meetings booked through Meetings) whose prompt date has come and whose deadline has not passed, as
    /// the scheduler, with the default dates. A quarter that already has a round (open, locked or closed) is left
    /// alone: a closed round is never reopened, and a round the secretariat opened by hand stands. Two instances at
    /// once: the unique open-round index lets one win. Returns how many rounds were opened.
    public async Task<int> OpenScheduledAsync(CancellationToken ct)
    {
        var opened = 0;
        foreach (var meeting in await PlannedMeetingsAsync(ct))
        {
            if ((await OpenPlannedAsync(meeting, ct)).Outcome == RoundPlanOutcome.Opened)
            {
                opened++;
            }
        }
        return opened;
    }

    /// The quarter (and planned meeting, if any) the open-round form should suggest today.
    public async Task<RoundSuggestion> SuggestRoundAsync(CancellationToken ct)
    {
        var withRounds = (await db.Rounds.AsNoTracking().Select(r => new { r.FinancialYearStart, r.Quarter }).ToListAsync(ct))
            .Select(r => new FinancialQuarter(r.FinancialYearStart, r.Quarter)).ToHashSet();
        return RoundSuggestion.For(London.Date(clock.GetUtcNow()), withRounds, await PlannedMeetingsAsync(ct), Options);
    }

    /// A steering group meeting was booked or moved to this (London) date: its quarter's round opens now if the
    /// prompt date has come (else on that date, from OpenScheduledAsync), and an open round of the quarter that
    /// still counts back from another date is moved to this one: deadline and chasers, and the prompt if not yet sent.
    public async Task<RoundPlan?> MeetingPlannedAsync(DateOnly meeting, CancellationToken ct)
    {
        var quarter = FinancialQuarter.Of(meeting);
        var dates = RoundCalendar.DefaultDates(meeting, Options);
        var round = await db.Rounds.Where(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter)
            .OrderBy(r => r.State == RoundState.Closed).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is null || round.State == RoundState.Closed)
        {
            return await OpenPlannedAsync(meeting, ct);
        }
        if (round.MeetingDate == meeting)
        {
            return Plan(RoundPlanOutcome.Unchanged, $"The {quarter.Label} round already counts back from this meeting.", round.Id, Dates(round));
        }
        if (round.State != RoundState.Open)
        {
            return Plan(RoundPlanOutcome.Unchanged,
                $"The {quarter.Label} round is past its deadline, so its dates were left as they are.", round.Id, Dates(round));
        }

        var now = clock.GetUtcNow();
        var promptSent = round.PromptAt <= now;
        var promptAt = promptSent ? round.PromptAt : dates.PromptAt;
        var adjusted = new RoundDates(promptAt, dates.DeadlineAt, [.. dates.ChaserAts.Where(c => c > promptAt)]);
        if (RoundCalendar.Validate(meeting, adjusted, now) is { Count: > 0 } errors)
        {
            return Plan(RoundPlanOutcome.Unchanged,
                $"The {quarter.Label} round's dates were left as they are: {string.Join(" ", errors)}", round.Id, Dates(round));
        }
        round.MeetingDate = meeting;
        round.PromptAt = adjusted.PromptAt;
        round.DeadlineAt = adjusted.DeadlineAt;
        round.ChaserAts = [.. adjusted.ChaserAts.Order()];
        await db.SaveChangesAsync(ct);
        if (!promptSent)
        {
            await db.Deliveries.Where(d => d.RoundId == round.Id && d.Kind == DeliveryKind.Prompt && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, adjusted.PromptAt), ct);
        }
        logger.PlannedRoundAdjusted(round.Id, meeting);
        return Plan(RoundPlanOutcome.Adjusted,
            $"The {quarter.Label} round now counts back from this meeting: updates are due {London.Date(adjusted.DeadlineAt):d MMM yyyy}.",
            round.Id, adjusted);
    }

    private static RoundDates Dates(UpdateRound r) => new(r.PromptAt, r.DeadlineAt, r.ChaserAts);

    private static RoundPlan Plan(RoundPlanOutcome outcome, string message, int? roundId, RoundDates dates) =>
        new(outcome, message, roundId, dates.PromptAt, dates.DeadlineAt);

    /// The round a steering group meeting feeds: the linked one, else the quarter's newest round.
    public async Task<MeetingRound?> RoundForAsync(DateTimeOffset start, int? linkedRoundId, CancellationToken ct)
    {
        var quarter = RoundCalendar.QuarterOf(start);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => linkedRoundId != null ? r.Id == linkedRoundId : r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.FinancialYearStart, r.Quarter })
            .FirstOrDefaultAsync(ct);
        return round is null ? null : new MeetingRound(round.Id, new FinancialQuarter(round.FinancialYearStart, round.Quarter).Label);
    }

    /// The planned meetings: the configured dates and the booked steering group meetings (London dates).
    private async Task<IReadOnlyList<DateOnly>> PlannedMeetingsAsync(CancellationToken ct)
    {
        var booked = await db.Meetings.AsNoTracking()
            .Where(m => m.State == MeetingState.Scheduled && m.Group!.Kind == GroupKind.SteeringGroup)
            .Select(m => m.StartsAt).ToListAsync(ct);
        return [.. Options.PlannedMeetings().Concat(booked.Select(London.Date)).Distinct().Order()];
    }

    /// Opens one planned meeting's round when its prompt date has come and its quarter has none yet.
    private async Task<RoundPlan> OpenPlannedAsync(DateOnly meeting, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dates = RoundCalendar.DefaultDates(meeting, Options);
        var quarter = FinancialQuarter.Of(meeting);
        if (dates.PromptAt > now)
        {
            return Plan(RoundPlanOutcome.Planned,
                $"The {quarter.Label} round opens by itself on {London.Date(dates.PromptAt):d MMM yyyy}.", null, dates);
        }
        // Too late for a round to collect anything (the secretariat can still open one by hand).
        if (dates.DeadlineAt <= now)
        {
            return Plan(RoundPlanOutcome.Unchanged,
                $"It is too late for a {quarter.Label} round to collect updates before this meeting; open one by hand if needed.", null, dates);
        }
        if (await db.Rounds.AsNoTracking().AnyAsync(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter, ct))
        {
            return Plan(RoundPlanOutcome.Unchanged, $"The {quarter.Label} round already exists and was left as it is.", null, dates);
        }
        switch (await admin.OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest { MeetingDate = meeting }, ct))
        {
            case RoundResult.Done done:
                return Plan(RoundPlanOutcome.Opened, $"The {quarter.Label} round is open: prompts are going out now.", done.Round.RoundId, dates);
            case RoundResult.AlreadyOpen open:
                return Plan(RoundPlanOutcome.Unchanged, $"The {quarter.Label} round was already open.", open.Existing.RoundId, dates);
            case RoundResult.Invalid invalid:
                logger.PlannedRoundInvalid(meeting, string.Join(" ", invalid.Errors));
                return Plan(RoundPlanOutcome.Unchanged, string.Join(" ", invalid.Errors), null, dates);
            default:
                return Plan(RoundPlanOutcome.Unchanged, "The round could not be opened.", null, dates);
        }
    }
}

internal static partial class PlannedRoundLog
{
    [LoggerMessage(1310, LogLevel.Warning, "The round for the steering group meeting on {Meeting} was not opened: {Errors}")]
    public static partial void PlannedRoundInvalid(this ILogger logger, DateOnly meeting, string errors);

    [LoggerMessage(1311, LogLevel.Information, "Round {RoundId} now counts back from the steering group meeting on {Meeting}")]
    public static partial void PlannedRoundAdjusted(this ILogger logger, int roundId, DateOnly meeting);
}
