using System.Collections.Concurrent;
using OspBot.Meetings;

namespace OspBot.Meetings;

/// A double click on "Schedule" sends the same form twice: the second press waits for the first and gets its
/// answer, so one meeting is booked. Keyed by the form's id; answers are kept for an hour, failures not at all
/// (so the secretariat can correct the form and press again).
internal sealed class ScheduleOnce(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (Lazy<Task<MeetingResult<MeetingChange>>> Work, DateTimeOffset At)> _forms = new(StringComparer.Ordinal);

    /// The answer, and whether it was the first press's (so nothing new was booked).
    public async Task<(MeetingResult<MeetingChange> Result, bool Repeated)> RunAsync(string formId, Func<Task<MeetingResult<MeetingChange>>> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Forget(clock.GetUtcNow() - Keep);
        var mine = new Lazy<Task<MeetingResult<MeetingChange>>>(schedule);
        var entry = _forms.GetOrAdd(formId, (mine, clock.GetUtcNow()));
        try
        {
            var result = await entry.Work.Value;
            if (result is not MeetingResult<MeetingChange>.Done)
            {
                _forms.TryRemove(new(formId, entry));
            }
            return (result, !ReferenceEquals(entry.Work, mine));
        }
        catch
        {
            _forms.TryRemove(new(formId, entry));
            throw;
        }
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, value) in _forms)
        {
            if (value.At < before)
            {
                _forms.TryRemove(new(key, value));
            }
        }
    }
}
