using OspBot.Common;

namespace OspBot.Meetings;

/// One person's free/busy from Graph's getSchedule: one character per interval from the window's start
/// (0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere); null when Graph could not tell.
internal sealed record FreeBusy(string Email, string? View);

/// Picks meeting times from free/busy views. Pure, so the choice of slots is tested without Graph.
/// Only working hours in London (Monday to Friday, 09:00 to 17:00) are proposed.
internal static class SlotFinder
{
    public const int MaxCandidates = 10;
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(9);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(17);

    public static SlotSuggestions Find(
        DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeSpan duration, TimeSpan interval, IReadOnlyList<FreeBusy> people)
    {
        var span = (int)Math.Ceiling(duration / interval);
        var candidates = new List<ProposedSlot>();
        for (var index = 0; windowStart + ((index + span) * interval) <= windowEnd; index++)
        {
            var start = windowStart + (index * interval);
            var end = start + duration;
            if (!InWorkingHours(start, end))
            {
                continue;
            }
            var attendees = people.Select(p => new AttendeeAvailability(p.Email, Worst(p.View, index, span))).ToList();
            var free = attendees.Count(a => a.Availability == Availability.Free);
            if (free > 0)
            {
                candidates.Add(new ProposedSlot(start, end, Math.Round(100.0 * free / attendees.Count, 1), attendees));
            }
        }

        var best = candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Start).Take(MaxCandidates).ToList();
        return best.Count > 0
            ? new SlotSuggestions(best, null)
            : new SlotSuggestions([], $"No time from {London.Format(windowStart)} to {London.Format(windowEnd)} in working hours " +
                "(Monday to Friday, 09:00 to 17:00) has any member free. Try a wider window or a shorter meeting.");
    }

    private static bool InWorkingHours(DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (London.Local(start), London.Local(end));
        return from.Date == to.Date
            && from.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && from.TimeOfDay >= DayStart && to.TimeOfDay <= DayEnd;
    }

    private static Availability Worst(string? view, int index, int span)
    {
        if (view is null || view.Length < index + span)
        {
            return Availability.Unknown;
        }
        return view.Substring(index, span).Select(Parse).MaxBy(Severity);
    }

    private static Availability Parse(char c) => c switch
    {
        '0' => Availability.Free,
        '1' => Availability.Tentative,
        '2' => Availability.Busy,
        '3' => Availability.OutOfOffice,
        '4' => Availability.WorkingElsewhere,
        _ => Availability.Unknown,
    };

    private static int Severity(Availability a) => a switch
    {
        Availability.Free => 0,
        Availability.WorkingElsewhere => 1,
        Availability.Tentative => 2,
        Availability.Unknown => 3,
        Availability.Busy => 4,
        _ => 5,
    };
}
