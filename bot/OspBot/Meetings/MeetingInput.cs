using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Meetings;

namespace OspBot.Meetings;

/// A meeting card's data and inputs as they arrive (Action.Execute data, or an Action.Submit value): trimmed
/// strings, blank meaning absent; anything of the wrong shape is absent too, never an exception.
internal sealed class MeetingInput(JsonElement? data)
{
    public string? this[string key] =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
        && v.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// The verb an Action.Submit fallback carries in its data.
    public string? Verb => this["verb"];

    public int? Int(string key) =>
        int.TryParse(this[key], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public int? MeetingId => Int(MeetingInputs.MeetingId);

    /// Input.Date submits yyyy-MM-dd; an unreadable date is <paramref name="bad"/> so the form can say so.
    public DateOnly? Date(string key, out bool bad)
    {
        var text = this[key];
        var ok = DateOnly.TryParseExact(text, MeetingInputs.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        bad = text is not null && !ok;
        return ok ? date : null;
    }

    public TimeOnly? Time(string key, out bool bad)
    {
        var text = this[key];
        var ok = TimeOnly.TryParseExact(text, MeetingInputs.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time);
        bad = text is not null && !ok;
        return ok ? time : null;
    }

    public DateTimeOffset? Instant(string key) =>
        DateTimeOffset.TryParseExact(this[key], "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// Everything the schedule form carries, as typed, to show again.
    public MeetingFormValues Values() => new()
    {
        GroupKey = this[MeetingInputs.Group],
        Title = this[MeetingInputs.Title],
        Agenda = this[MeetingInputs.Agenda],
        DurationMinutes = Int(MeetingInputs.Duration),
        From = Date(MeetingInputs.From, out _),
        To = Date(MeetingInputs.To, out _),
        Date = Date(MeetingInputs.Date, out _),
        Time = Time(MeetingInputs.Time, out _)?.ToString(MeetingInputs.TimeFormat, CultureInfo.InvariantCulture),
    };
}
