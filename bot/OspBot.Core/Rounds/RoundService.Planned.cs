using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OspBot.Members;

namespace OspBot.Rounds;

internal sealed partial class RoundService
{
    /// Opens the round for each planned steering group meeting (RoundOptions.SteeringGroupMeetings) whose prompt
    /// date has come and whose deadline has not passed, as the scheduler, with the default dates. A quarter that
    /// already has a round (open, locked or closed) is left alone: a closed round is never reopened, and a round
    /// the secretariat opened by hand stands. Two instances at once: the unique open-round index lets one win.
    /// Returns how many rounds were opened.
    public async Task<int> OpenScheduledAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var opened = 0;
        foreach (var meeting in Options.PlannedMeetings())
        {
            var dates = RoundCalendar.DefaultDates(meeting, Options);
            // Not yet; or too late for a round to collect anything (the secretariat can still open one by hand).
            if (dates.PromptAt > now || dates.DeadlineAt <= now)
            {
                continue;
            }
            var quarter = FinancialQuarter.Of(meeting);
            if (await db.Rounds.AsNoTracking().AnyAsync(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter, ct))
            {
                continue;
            }
            switch (await OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest { MeetingDate = meeting }, ct))
            {
                case RoundResult.Done:
                    opened++;
                    break;
                case RoundResult.Invalid invalid:
                    logger.PlannedRoundInvalid(meeting, string.Join(" ", invalid.Errors));
                    break;
            }
        }
        return opened;
    }

    /// The quarter (and planned meeting, if any) the open-round form should suggest today.
    public async Task<RoundSuggestion> SuggestRoundAsync(CancellationToken ct)
    {
        var withRounds = (await db.Rounds.AsNoTracking().Select(r => new { r.FinancialYearStart, r.Quarter }).ToListAsync(ct))
            .Select(r => new FinancialQuarter(r.FinancialYearStart, r.Quarter)).ToHashSet();
        return RoundSuggestion.For(RoundCalendar.LocalDate(clock.GetUtcNow()), withRounds, Options.PlannedMeetings(), Options);
    }
}

internal static partial class PlannedRoundLog
{
    [LoggerMessage(1310, LogLevel.Warning, "The round for the steering group meeting on {Meeting} was not opened: {Errors}")]
    public static partial void PlannedRoundInvalid(this ILogger logger, DateOnly meeting, string errors);
}
