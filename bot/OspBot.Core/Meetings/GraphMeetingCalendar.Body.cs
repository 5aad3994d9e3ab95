using OspBot.Graph;
using G = Microsoft.Graph.Models;

namespace OspBot.Meetings;

/// One line of OspBot's own in a calendar event's body, such as the meeting pack's link. Another feature sets it
/// (the meeting pack reads Meetings, never the other way); the rest of the body is kept as Outlook has it.
internal interface IMeetingEventBody
{
    /// Replaces the body's paragraph that starts with <paramref name="label"/> by "label link", or adds one at the
    /// top; throws <see cref="CalendarException"/> as the other calendar operations do.
    Task SetLinkLineAsync(string eventId, string label, Uri link, CancellationToken ct);
}

internal sealed partial class GraphMeetingCalendar : IMeetingEventBody
{
    public async Task SetLinkLineAsync(string eventId, string label, Uri link, CancellationToken ct)
    {
        RequireEventId(eventId);
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(link);
        var events = graph.Users[Organiser].Events[eventId];
        var found = await CallAsync(GraphOperation.UpdateBody, Organiser, () => events.GetAsync(rc => rc.QueryParameters.Select = ["body"], ct), ct);
        var content = EventBodyLine.Set(found?.Body?.Content, found?.Body?.ContentType == G.BodyType.Text, label, link);
        var patch = new G.Event { Body = new G.ItemBody { ContentType = G.BodyType.Html, Content = content } };
        await CallAsync(GraphOperation.UpdateBody, Organiser, () => events.PatchAsync(patch, cancellationToken: ct), ct);
        logger.CalendarEventLineSet(label, eventId, Organiser);
    }
}
