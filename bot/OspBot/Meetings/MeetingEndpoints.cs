using System.Text;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Meetings;

/// GET /meetings/{id}/invitation.ics: the link on the secretariat's meeting card when Graph did not send the
/// invitation. Signed and expiring like the report download, and for the secretariat only.
public static class MeetingEndpoints
{
    /// GET /meetings/{meetingId}/invitation.ics?t=token
    public static RouteGroupBuilder MapMeetings(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/meetings");
        group.MapGet("/{meetingId:int}/invitation.ics", DownloadAsync).WithName("DownloadMeetingInvitation");
        return group;
    }

    private static async Task<IResult> DownloadAsync(
        int meetingId, string? t, MeetingLinks links, MeetingQueries meetings, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (links.Verify(meetingId, t) is not { } personId)
        {
            return Text("This download link is not valid or has expired. Open the meeting in OspBot again (type \"meetings\") for a new link.",
                StatusCodes.Status404NotFound);
        }

        switch (await meetings.InvitationAsync(Actor.FromPerson(personId), meetingId, ct))
        {
            case MeetingResult<IcsFile>.Done { Value: var file }:
                MeetingsLog.MeetingInvitationDownloaded(loggers.CreateLogger(typeof(MeetingEndpoints)), meetingId, personId);
                return Results.File(Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName);
            case MeetingResult<IcsFile>.Refused { Refusal.Reason: RefusalReason.NotFound }:
                return Text("That meeting is not available.", StatusCodes.Status404NotFound);
            case MeetingResult<IcsFile>.Refused:
                return Text("Only the OSP secretariat can download meeting invitations.", StatusCodes.Status403Forbidden);
            case MeetingResult<IcsFile>.Invalid { Errors: var errors }:
                return Text(string.Join(" ", errors), StatusCodes.Status409Conflict);
            default:
                return Text("The invitation could not be written.", StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Text(string message, int status) => Results.Text(message, "text/plain", Encoding.UTF8, status);
}
