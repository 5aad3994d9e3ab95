using System.Text;

namespace OspBot.MeetingPack;

/// GET /meeting-pack/{id}/download?t=token: a kept pack, for the secretariat and the steering group's members.
public static class MeetingPackEndpoints
{
    public static RouteGroupBuilder MapMeetingPack(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/meeting-pack");
        group.MapGet("/{id:int}/download", DownloadAsync).WithName("DownloadMeetingPack");
        return group;
    }

    private static async Task<IResult> DownloadAsync(int id, string? t, MeetingPackLinks links, MeetingPackBuilder packs, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (links.Verify(id, t) is not { } personId)
        {
            return Results.Text("This download link is not valid or has expired. Ask OspBot for the meeting pack again for a new link.",
                "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        // The person the link was issued to must still be the secretariat or on the steering group now.
        return await packs.DownloadAsync(id, personId, ct) is { } pack
            ? Results.File(pack.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", pack.FileName)
            : Results.Text("Only the OSP secretariat and the steering group's members can download the meeting pack.", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }
}
