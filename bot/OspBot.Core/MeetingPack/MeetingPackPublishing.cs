using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Graph;
using OspBot.Meetings;
using OspBot.Reports;

namespace OspBot.MeetingPack;

/// With Graph, a built pack is uploaded by the annual report's publisher (next to the annual reports), and its
/// SharePoint link is put into the steering group meeting's calendar event. Either failure is kept on the pack, in
/// words for the secretariat, and never fails the build: the pack itself is saved first.
internal sealed class MeetingPackPublishing(OspDbContext db, IEnumerable<IReportPublisher> publishers, MeetingCalendarAvailability? calendars = null)
{
    /// The line the calendar event's body carries; a newer version replaces it.
    public const string CalendarLabel = "Meeting pack:";

    public bool CanUpload => publishers.Any();

    public bool CanLinkInCalendar => calendars?.Calendar is IMeetingEventBody;

    public async Task UploadAsync(MeetingPackVersion pack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (publishers.FirstOrDefault() is not { } publisher)
        {
            return;
        }
        try
        {
            pack.SharePointUrl = (await publisher.PublishAsync(pack.FileName, pack.Docx, ct))?.AbsoluteUri;
        }
        catch (ReportPublishException ex)
        {
            pack.PublishError = ex.Message;
        }
        await db.SaveChangesAsync(ct);
    }

    /// After an upload: the meeting's event (booked through Graph) gets "Meeting pack: link" in its body.
    public async Task LinkInCalendarAsync(MeetingPackVersion pack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (pack.SharePointUrl is not { } url || pack.MeetingId is not { } meetingId || calendars?.Calendar is not IMeetingEventBody body)
        {
            return;
        }
        var eventId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.GraphEventId).SingleOrDefaultAsync(ct);
        if (eventId is not { Length: > 0 })
        {
            return;
        }
        try
        {
            await body.SetLinkLineAsync(eventId, CalendarLabel, new Uri(url), ct);
            pack.CalendarError = null;
        }
        catch (CalendarException ex)
        {
            pack.CalendarError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }
        await db.SaveChangesAsync(ct);
    }
}
