namespace OspBot.Rounds;

/// What the open-round form suggests: a round belongs to the quarter its steering group meeting falls in, so the
/// suggestion is the earliest quarter (this one or the next two) that has no round yet and whose meeting can still
/// come. A planned meeting (Rounds:SteeringGroupMeetings) in the quarter decides that, and is suggested too;
/// without one, the quarter must leave room for a deadline before a meeting in it.
public sealed record RoundSuggestion(FinancialQuarter Quarter, DateOnly? MeetingDate)
{
    public static RoundSuggestion For(
        DateOnly today, IReadOnlyCollection<FinancialQuarter> withRounds, IReadOnlyList<DateOnly> plannedMeetings, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(withRounds);
        ArgumentNullException.ThrowIfNull(plannedMeetings);
        ArgumentNullException.ThrowIfNull(options);
        var current = FinancialQuarter.Of(today);
        foreach (var quarter in new[] { current, current.Next, current.Next.Next })
        {
            if (withRounds.Contains(quarter))
            {
                continue;
            }
            var planned = plannedMeetings.Where(m => FinancialQuarter.Of(m) == quarter).ToList();
            if (planned.Count > 0)
            {
                if (planned.Exists(m => m > today))
                {
                    return new RoundSuggestion(quarter, planned.Where(m => m > today).Min());
                }
                continue;
            }
            if (quarter.LastDay > today.AddDays(options.DeadlineDaysBefore))
            {
                return new RoundSuggestion(quarter, null);
            }
        }
        return new RoundSuggestion(current.Next, null);
    }
}
